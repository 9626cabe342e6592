package dev.bellwether.marketing;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use the campaign pages, API and records produce (see {@link UsageKinds});
 * the other parts of this module declare their own.
 */
@Configuration(proxyBeanMethods = false)
class CampaignUsageKinds {

	@Bean
	UsageKinds campaignsDeclared() {
		return UsageKinds.of("marketing", UsageKind.VIEW, UsageKind.CREATE, UsageKind.UPDATE, UsageKind.DELETE,
				UsageKind.API_CALL);
	}

}
