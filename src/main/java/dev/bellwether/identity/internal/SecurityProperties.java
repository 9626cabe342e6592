package dev.bellwether.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in and exposure settings.
 *
 * @param maxFailedLogins failed sign-ins for one username from one client address after
 * which that address may not sign in as that user for {@code lockout}
 * @param maxFailedLoginsPerAddress failed sign-ins from one client address, whatever the
 * usernames, after which that address may not sign in at all for {@code lockout}
 * @param maxFailedLoginsPerUser failed sign-ins in a row for one username, from any
 * addresses, after which the username is locked for {@code lockout} (a guess spread over
 * many addresses); high, so that nobody can lock a colleague out with a few tries
 * @param lockout how long each of these refusals lasts, and the window failures are
 * counted in
 * @param publicMetrics whether {@code /actuator/prometheus} is open without signing in
 * (for a scraper on a trusted network); otherwise administrators only
 */
@ConfigurationProperties("bellwether.security")
public record SecurityProperties(Integer maxFailedLogins, Integer maxFailedLoginsPerAddress,
		Integer maxFailedLoginsPerUser, Duration lockout, Boolean publicMetrics) {

	public SecurityProperties {
		if (maxFailedLogins == null) {
			maxFailedLogins = 5;
		}
		if (maxFailedLoginsPerAddress == null) {
			maxFailedLoginsPerAddress = 20;
		}
		if (maxFailedLoginsPerUser == null) {
			maxFailedLoginsPerUser = 50;
		}
		if (lockout == null) {
			lockout = Duration.ofMinutes(15);
		}
		if (publicMetrics == null) {
			publicMetrics = false;
		}
	}

}
