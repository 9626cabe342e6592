package dev.bellwether.dataquality;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages and API produce (see {@link UsageKinds}).
 */
@Configuration(proxyBeanMethods = false)
class DataQualityUsageKinds {

	@Bean
	UsageKinds dataQualityDeclared() {
		return UsageKinds.of("dataquality", UsageKind.VIEW, UsageKind.REPORT_VIEW, UsageKind.API_CALL);
	}

}
