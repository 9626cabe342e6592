package dev.bellwether.forecasting;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use the analytics pages and API produce (see {@link UsageKinds}): a view
 * of the analytics is a view of the CRM's reports; its tables export as files.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsUsageKinds {

	@Bean
	UsageKinds forecastingAnalyticsDeclared() {
		return UsageKinds.of("forecasting", UsageKind.REPORT_VIEW, UsageKind.EXPORT, UsageKind.API_CALL);
	}

}
