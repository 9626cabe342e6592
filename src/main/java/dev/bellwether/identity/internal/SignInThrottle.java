package dev.bellwether.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins by client address and username within the lockout window, in the
 * database so that every node counts the same failures.
 */
@Component
class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final JdbcClient jdbc;

	private final SecurityProperties properties;

	SignInThrottle(JdbcClient jdbc, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * @return whether the address has failed too often, for this username or for any
	 */
	boolean refuses(String address, String username, Instant now) {
		return this.jdbc.sql("""
				select count(*) >= :perAddress
				  or count(*) filter (where username = :username) >= :perUsername
				from sign_in_failures where address = :address and failed_at > :since
				""")
			.param("address", address)
			.param("username", normalised(username))
			.param("since", since(now))
			.param("perAddress", this.properties.maxFailedLoginsPerAddress())
			.param("perUsername", this.properties.maxFailedLogins())
			.query(Boolean.class)
			.single();
	}

	@Transactional
	void recordFailure(String address, String username, Instant now) {
		// what has left the window is of no use any more
		this.jdbc.sql("delete from sign_in_failures where failed_at <= :since").param("since", since(now)).update();
		this.jdbc.sql("insert into sign_in_failures (address, username, failed_at) values (:address, :username, :now)")
			.param("address", address)
			.param("username", normalised(username))
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		if (refuses(address, username, now)) {
			log.warn("Sign-in throttled for a client address after repeated failures");
		}
	}

	/**
	 * A successful sign-in forgets the address's failures for that username (one typo
	 * after another day's typos must not add up), not those for other usernames.
	 */
	@Transactional
	void forgetFailures(String address, String username) {
		this.jdbc.sql("delete from sign_in_failures where address = :address and username = :username")
			.param("address", address)
			.param("username", normalised(username))
			.update();
	}

	private OffsetDateTime since(Instant now) {
		return OffsetDateTime.ofInstant(now.minus(this.properties.lockout()), ZoneOffset.UTC);
	}

	private static String normalised(String username) {
		String trimmed = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
	}

}
