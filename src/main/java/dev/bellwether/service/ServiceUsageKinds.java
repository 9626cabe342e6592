package dev.bellwether.service;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages, API and records produce (see {@link UsageKinds}),
 * so that adoption measures service users by their own work: viewing and working cases,
 * replying, taking the next case, their home page ({@code /service}, a
 * {@code DASHBOARD_VIEW}) and the service overview ({@code /service/overview}, a
 * {@code REPORT_VIEW}).
 */
@Configuration(proxyBeanMethods = false)
class ServiceUsageKinds {

	@Bean
	UsageKinds serviceDeclared() {
		return UsageKinds.of("service", UsageKind.VIEW, UsageKind.DASHBOARD_VIEW, UsageKind.REPORT_VIEW,
				UsageKind.INLINE_EDIT, UsageKind.BULK_ACTION, UsageKind.CREATE, UsageKind.UPDATE, UsageKind.DELETE,
				UsageKind.API_CALL);
	}

}
