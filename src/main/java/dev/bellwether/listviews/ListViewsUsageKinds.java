package dev.bellwether.listviews;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module produces (see {@link UsageKinds}): opening a saved or
 * standard view counts as a {@code VIEW} of a {@code list view} (published as a
 * {@link dev.bellwether.platform.usage.FeatureUsed}, since the list's page is another
 * module's), and its API's reads as {@code API_CALL}.
 */
@Configuration(proxyBeanMethods = false)
class ListViewsUsageKinds {

	@Bean
	UsageKinds listViewsDeclared() {
		return UsageKinds.of("listviews", UsageKind.VIEW, UsageKind.API_CALL);
	}

}
