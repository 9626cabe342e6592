package dev.bellwether.platform.customfield;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The custom-field administration pages count as views of the platform (see
 * {@link UsageKinds}); changing a field is configuration, not a record change, and is not
 * counted.
 */
@Configuration(proxyBeanMethods = false)
class CustomFieldUsageKinds {

	@Bean
	UsageKinds customFieldsDeclared() {
		return UsageKinds.of("platform", UsageKind.VIEW);
	}

}
