package dev.bellwether.programme;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages, API and records produce (see {@link UsageKinds});
 * each part of the programme adds the kinds it produces.
 */
@Configuration(proxyBeanMethods = false)
class ProgrammeUsageKinds {

	@Bean
	UsageKinds programmeDeclared() {
		return UsageKinds.of("programme", UsageKind.VIEW, UsageKind.API_CALL);
	}

}
