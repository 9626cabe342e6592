package dev.bellwether.adoption;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages, API and records produce (see {@link UsageKinds}).
 */
@Configuration(proxyBeanMethods = false)
class AdoptionUsageKinds {

	@Bean
	UsageKinds adoptionDeclared() {
		return UsageKinds.of("adoption", UsageKind.VIEW, UsageKind.DASHBOARD_VIEW, UsageKind.REPORT_VIEW,
				UsageKind.EXPORT, UsageKind.API_CALL);
	}

}
