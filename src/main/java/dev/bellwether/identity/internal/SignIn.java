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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Loads users for sign-in (form and HTTP Basic) and throttles guessing, by client address
 * first, so that nobody can lock a colleague out with a few wrong passwords:
 * <ul>
 * <li>{@code maxFailedLogins} failures for one username from one address: that address
 * may not sign in as that user for {@code lockout};</li>
 * <li>{@code maxFailedLoginsPerAddress} failures from one address, whatever the
 * usernames: that address may not sign in at all for {@code lockout};</li>
 * <li>{@code maxFailedLoginsPerUser} failures in a row for one username from anywhere (a
 * guess spread over many addresses): the username is locked for {@code lockout}.</li>
 * </ul>
 * A refused sign-in looks exactly like a wrong password or an unknown username (same
 * answer, and the same password-hash work), so the answers never tell which usernames
 * exist or are locked.
 */
@Component
class SignIn implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(SignIn.class);

	private final JdbcClient jdbc;

	private final SecurityProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SignInThrottle throttle;

	SignIn(JdbcClient jdbc, SecurityProperties properties, ApplicationEventPublisher events, Clock clock,
			SignInThrottle throttle) {
		this.jdbc = jdbc;
		this.throttle = throttle;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public BellwetherPrincipal loadUserByUsername(String username) {
		Instant now = this.clock.instant();
		String address = clientAddress();
		if (address != null && this.throttle.refuses(address, username, now)) {
			// told apart from nothing: Spring Security answers as for an unknown user
			throw new UsernameNotFoundException("Sign-in refused for this address");
		}
		BellwetherPrincipal principal = this.jdbc.sql("""
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
		if (principal.lockedUntil() != null && principal.lockedUntil().isAfter(now)) {
			throw new UsernameNotFoundException("Sign-in refused for this user");
		}
		return principal;
	}

	/**
	 * The client's address as the servlet container sees it (behind a proxy, set
	 * {@code server.forward-headers-strategy} so that it is the client's, not the
	 * proxy's).
	 */
	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			return request.getRequest().getRemoteAddr();
		}
		return null;
	}

	@EventListener
	@Transactional
	public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getPrincipal());
		Instant now = this.clock.instant();
		String address = clientAddress();
		if (address != null) {
			this.throttle.recordFailure(address, username, now);
		}
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
			.param("max", this.properties.maxFailedLoginsPerUser())
			.param("lockedUntil", OffsetDateTime.ofInstant(now.plus(this.properties.lockout()), ZoneOffset.UTC))
			.param("username", username)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (failures != null && failures >= this.properties.maxFailedLoginsPerUser()) {
			log.warn("Sign-in locked for a user after {} failed attempts", failures);
		}
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof BellwetherPrincipal principal) {
			String address = clientAddress();
			if (address != null) {
				this.throttle.forgetFailures(address, principal.getUsername());
			}
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
