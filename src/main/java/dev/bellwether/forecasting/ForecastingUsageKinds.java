package dev.bellwether.forecasting;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages and API produce (see {@link UsageKinds}).
 */
@Configuration(proxyBeanMethods = false)
class ForecastingUsageKinds {

	@Bean
	UsageKinds forecastingDeclared() {
		return UsageKinds.of("forecasting", UsageKind.VIEW, UsageKind.API_CALL, UsageKind.FORECAST_VIEW,
				UsageKind.MEETING_MODE);
	}

}
