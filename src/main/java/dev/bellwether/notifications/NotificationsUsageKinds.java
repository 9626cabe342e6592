package dev.bellwether.notifications;

import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.usage.UsageKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of use this module's pages, API and records produce (see {@link UsageKinds}).
 */
@Configuration(proxyBeanMethods = false)
class NotificationsUsageKinds {

	@Bean
	UsageKinds notificationsDeclared() {
		return UsageKinds.of("notifications", UsageKind.VIEW, UsageKind.API_CALL);
	}

}
