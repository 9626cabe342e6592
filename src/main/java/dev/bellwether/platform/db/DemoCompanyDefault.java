package dev.bellwether.platform.db;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Whether the demo company (its users sign in with the password {@code demo}) is seeded,
 * when {@code bellwether.demo.enabled} does not say: on the embedded database, yes — it
 * is the first look at Bellwether; on an external database, which is where production
 * data lives, no. {@code true} seeds it on any empty database, {@code false} never.
 * Everything that reads {@code bellwether.demo.enabled} (the seed, the sign-in page's
 * hint) sees the decided value.
 */
class DemoCompanyDefault implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "bellwether.demo.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty(PROPERTY))) {
			return;
		}
		boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("bellwether-demo-default", Map.of(PROPERTY, Boolean.toString(embedded))));
	}

	@Override
	public int getOrder() {
		// after the configuration files and the command line are read
		return Ordered.LOWEST_PRECEDENCE;
	}

}
