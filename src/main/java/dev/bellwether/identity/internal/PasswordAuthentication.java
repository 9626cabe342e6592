package dev.bellwether.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Username and password sign-in (the form and HTTP Basic): Spring Security's
 * {@link DaoAuthenticationProvider} as Spring Boot would set it up from {@link SignIn}
 * and the password encoder, except that a password verified a moment ago is not run
 * through Argon2 again (see {@link VerifiedCredentials}). Everything else is as before:
 * the user is loaded afresh on every request (address throttling, lockout), and the
 * locked and disabled checks refuse a deactivated or locked user whatever the password.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerifiedCredentials.Settings.class)
class PasswordAuthentication {

	@Bean
	VerifiedCredentials verifiedCredentials(VerifiedCredentials.Settings settings) {
		return new VerifiedCredentials(settings);
	}

	@Bean
	RememberingPasswordCheck passwordAuthenticationProvider(SignIn signIn, PasswordEncoder passwordEncoder,
			VerifiedCredentials verified, VerifiedCredentials.Settings settings) {
		return new RememberingPasswordCheck(signIn, passwordEncoder, settings.ttl().isZero() ? null : verified);
	}

	/**
	 * The password check of {@link DaoAuthenticationProvider} (its extension point for
	 * how credentials are checked), answered from {@link VerifiedCredentials} when it can
	 * be.
	 */
	static class RememberingPasswordCheck extends DaoAuthenticationProvider {

		private final VerifiedCredentials verified;

		RememberingPasswordCheck(SignIn signIn, PasswordEncoder passwordEncoder, VerifiedCredentials verified) {
			super(signIn);
			setPasswordEncoder(passwordEncoder);
			this.verified = verified;
		}

		@Override
		protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken request)
				throws AuthenticationException {
			if (this.verified == null || !(user instanceof BellwetherPrincipal principal)) {
				super.additionalAuthenticationChecks(user, request);
				return;
			}
			String password = request.getCredentials() == null ? null : request.getCredentials().toString();
			if (this.verified.remembers(principal.id(), principal.getUsername(), password, principal.getPassword())) {
				return;
			}
			// throws on a wrong password: nothing is remembered then
			super.additionalAuthenticationChecks(user, request);
			// Spring Security checks the password before the account's state (so that a
			// wrong password learns nothing of it): a deactivated or locked user's right
			// password is refused after this, and is not remembered
			if (!principal.isEnabled() || !principal.isAccountNonLocked()) {
				return;
			}
			this.verified.remember(principal.id(), principal.getUsername(), password, principal.getPassword());
		}

	}

}
