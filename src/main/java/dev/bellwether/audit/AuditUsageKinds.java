package dev.bellwether.audit;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages, API and records produce (see {@link UsageKinds}).
 */
@Configuration(proxyBeanMethods = false)
class AuditUsageKinds {

	@Bean
	UsageKinds auditDeclared() {
		return UsageKinds.of("audit", UsageKind.VIEW, UsageKind.API_CALL);
	}

}
