package dev.bellwether.search;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages, API and records produce (see {@link UsageKinds}).
 */
@Configuration(proxyBeanMethods = false)
class SearchUsageKinds {

	@Bean
	UsageKinds searchDeclared() {
		return UsageKinds.of("search", UsageKind.SEARCH);
	}

}
