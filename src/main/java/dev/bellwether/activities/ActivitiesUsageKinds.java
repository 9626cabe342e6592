package dev.bellwether.activities;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages, API and records produce (see {@link UsageKinds}).
 */
@Configuration(proxyBeanMethods = false)
class ActivitiesUsageKinds {

	@Bean
	UsageKinds activitiesDeclared() {
		return UsageKinds.of("activities", UsageKind.VIEW, UsageKind.INLINE_EDIT, UsageKind.BULK_ACTION,
				UsageKind.EXPORT, UsageKind.CREATE, UsageKind.UPDATE, UsageKind.DELETE, UsageKind.API_CALL);
	}

}
