package dev.bellwether.identity;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages, API and records produce (see {@link UsageKinds}).
 */
@Configuration(proxyBeanMethods = false)
class IdentityUsageKinds {

	@Bean
	UsageKinds identityDeclared() {
		return UsageKinds.of("identity", UsageKind.LOGIN, UsageKind.LOGOUT, UsageKind.VIEW, UsageKind.CREATE,
				UsageKind.UPDATE, UsageKind.DELETE, UsageKind.API_CALL);
	}

}
