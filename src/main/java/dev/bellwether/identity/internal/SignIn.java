package dev.bellwether.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserLoggedIn;
import dev.bellwether.identity.UserLoggedOut;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users for sign-in (form and HTTP Basic) and throttles guessing: after
 * {@code maxFailedLogins} wrong passwords in a row a username is locked for
 * {@code lockout}.
 */
@Component
class SignIn implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(SignIn.class);

	private final JdbcClient jdbc;

	private final SecurityProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignIn(JdbcClient jdbc, SecurityProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public BellwetherPrincipal loadUserByUsername(String username) {
		return this.jdbc.sql("""
				select id, username, full_name, role, active, locked_until, password_hash
				from users where lower(username) = lower(:username)
				""").param("username", username == null ? "" : username.trim()).query((rs, n) -> {
			OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
			return new BellwetherPrincipal(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("full_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
					lockedUntil == null || !lockedUntil.toInstant().isAfter(this.clock.instant()) ? null
							: lockedUntil.toInstant(),
					rs.getString("password_hash"));
		}).optional().orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@EventListener
	@Transactional
	public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getPrincipal());
		Instant now = this.clock.instant();
		// once a lockout has run out, counting starts again: one typo must not lock the
		// user out for another whole period
		Integer failures = this.jdbc.sql("""
				update users set
				  failed_logins = case when locked_until <= :now then 1 else failed_logins + 1 end,
				  locked_until = case
				    when (case when locked_until <= :now then 1 else failed_logins + 1 end) >= :max then :lockedUntil
				    when locked_until <= :now then null
				    else locked_until end
				where lower(username) = lower(:username) returning failed_logins
				""")
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("max", this.properties.maxFailedLogins())
			.param("lockedUntil", OffsetDateTime.ofInstant(now.plus(this.properties.lockout()), ZoneOffset.UTC))
			.param("username", username)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (failures != null && failures >= this.properties.maxFailedLogins()) {
			log.warn("Sign-in locked for a user after {} failed attempts", failures);
		}
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof BellwetherPrincipal principal) {
			this.jdbc.sql("""
					update users set failed_logins = 0, locked_until = null
					where id = :id and (failed_logins > 0 or locked_until is not null)
					""").param("id", principal.id()).update();
		}
	}

	@EventListener
	@Transactional
	public void onInteractiveSignIn(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof BellwetherPrincipal principal) {
			Instant now = this.clock.instant();
			this.jdbc.sql("update users set last_login_at = :now where id = :id")
				.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
				.param("id", principal.id())
				.update();
			this.events.publishEvent(new UserLoggedIn(principal.id(), now));
		}
	}

	@EventListener
	public void onSignOut(LogoutSuccessEvent event) {
		if (event.getAuthentication() != null
				&& event.getAuthentication().getPrincipal() instanceof BellwetherPrincipal principal) {
			this.events.publishEvent(new UserLoggedOut(principal.id(), this.clock.instant()));
		}
	}

}
