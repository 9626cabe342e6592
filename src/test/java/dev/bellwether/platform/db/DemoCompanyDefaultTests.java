package dev.bellwether.platform.db;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company is seeded by default only on the embedded database; an explicit
 * setting wins on either.
 */
class DemoCompanyDefaultTests {

	@Test
	void seedsTheDemoOnTheEmbeddedDatabaseWhenNothingIsSaid() {
		assertThat(demoEnabled(new MockEnvironment())).isEqualTo("true");
		assertThat(demoEnabled(new MockEnvironment().withProperty("spring.datasource.url", ""))).isEqualTo("true");
	}

	@Test
	void neverSeedsTheDemoOnAnExternalDatabaseUnlessAsked() {
		MockEnvironment external = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:postgresql://db.example.com/crm");
		assertThat(demoEnabled(external)).isEqualTo("false");
		assertThat(demoEnabled(external.withProperty("bellwether.demo.enabled", ""))).isEqualTo("false");
	}

	@Test
	void anExplicitSettingWinsOnEitherDatabase() {
		assertThat(demoEnabled(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/crm")
			.withProperty("bellwether.demo.enabled", "true"))).isEqualTo("true");
		assertThat(demoEnabled(new MockEnvironment().withProperty("bellwether.demo.enabled", "false")))
			.isEqualTo("false");
	}

	@Test
	void decidesForEveryApplicationStarted() throws IOException {
		// each jar has its own spring.factories
		List<String> postProcessors = new ArrayList<>();
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION))) {
			Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
			postProcessors.add(factories.getProperty(EnvironmentPostProcessor.class.getName(), ""));
		}
		assertThat(postProcessors).anyMatch(names -> names.contains(DemoCompanyDefault.class.getName()));
	}

	private static String demoEnabled(MockEnvironment environment) {
		new DemoCompanyDefault().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("bellwether.demo.enabled");
	}

}
