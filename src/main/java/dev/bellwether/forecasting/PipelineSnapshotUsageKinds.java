package dev.bellwether.forecasting;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use the what-changed page and the pipeline snapshot API produce (see
 * {@link UsageKinds}); the forecasting module's other parts declare their own.
 */
@Configuration(proxyBeanMethods = false)
class PipelineSnapshotUsageKinds {

	@Bean
	UsageKinds forecastingPipelineSnapshotsDeclared() {
		return UsageKinds.of("forecasting", UsageKind.DASHBOARD_VIEW, UsageKind.API_CALL);
	}

}
