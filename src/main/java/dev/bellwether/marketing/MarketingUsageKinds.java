package dev.bellwether.marketing;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages, API and records produce (see {@link UsageKinds}).
 */
@Configuration(proxyBeanMethods = false)
class MarketingUsageKinds {

	@Bean
	UsageKinds marketingDeclared() {
		return UsageKinds.of("marketing", UsageKind.VIEW, UsageKind.REPORT_VIEW, UsageKind.INLINE_EDIT,
				UsageKind.BULK_ACTION, UsageKind.EXPORT, UsageKind.CREATE, UsageKind.UPDATE, UsageKind.DELETE,
				UsageKind.API_CALL);
	}

}
