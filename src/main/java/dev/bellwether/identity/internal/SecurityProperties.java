package dev.bellwether.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings.
 *
 * @param maxFailedLogins failed sign-ins in a row after which a username is locked
 * @param lockout how long it stays locked
 */
@ConfigurationProperties("bellwether.security")
public record SecurityProperties(Integer maxFailedLogins, Duration lockout) {

	public SecurityProperties {
		if (maxFailedLogins == null) {
			maxFailedLogins = 5;
		}
		if (lockout == null) {
			lockout = Duration.ofMinutes(15);
		}
	}

}
