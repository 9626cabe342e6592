package dev.bellwether.imports;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages and API produce (see {@link UsageKinds}). What an
 * import writes is not the importing user's use (see
 * {@link dev.bellwether.platform.RecordChanged#importId()}).
 */
@Configuration(proxyBeanMethods = false)
class ImportsUsageKinds {

	@Bean
	UsageKinds importsDeclared() {
		return UsageKinds.of("imports", UsageKind.VIEW, UsageKind.API_CALL);
	}

}
