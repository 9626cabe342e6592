package dev.bellwether.identity.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class VerifiedCredentialsTests {

	private static final String NEW_PASSWORD = "a brand new passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	UserDirectory directory;

	@Autowired
	SignIn signIn;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	VerifiedCredentials verified;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRepeatedPasswordIsVerifiedWithThePasswordEncoderOnlyOnce() {
		User rep = this.users.create(Role.REP);
		CountingEncoder encoder = new CountingEncoder(this.passwordEncoder);
		PasswordAuthentication.RememberingPasswordCheck provider = provider(encoder);

		Authentication first = provider.authenticate(credentials(rep.username(), TestUsers.PASSWORD));
		Authentication second = provider.authenticate(credentials(rep.username(), TestUsers.PASSWORD));
		Authentication third = provider.authenticate(credentials(rep.username().toUpperCase(), TestUsers.PASSWORD));

		assertThat(encoder.matches.get()).isEqualTo(1);
		assertThat(first.isAuthenticated()).isTrue();
		assertThat(second.getPrincipal()).isEqualTo(first.getPrincipal());
		assertThat(((BellwetherPrincipal) third.getPrincipal()).id()).isEqualTo(rep.id());
	}

	@Test
	void aWrongPasswordIsNeverRemembered() {
		User rep = this.users.create(Role.REP);
		CountingEncoder encoder = new CountingEncoder(this.passwordEncoder);
		PasswordAuthentication.RememberingPasswordCheck provider = provider(encoder);

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> provider.authenticate(credentials(rep.username(), "not the password")));
		}

		assertThat(encoder.matches.get()).isEqualTo(2);
		assertThat(this.verified.remembers(rep.id(), rep.username(), "not the password", hashOf(rep))).isFalse();
	}

	@Test
	void httpBasicRemembersAVerifiedPassword() throws Exception {
		User rep = this.users.create(Role.REP);

		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isOk());

		assertThat(this.verified.remembers(rep.id(), rep.username(), TestUsers.PASSWORD, hashOf(rep))).isTrue();
		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isOk());
	}

	@Test
	void afterAPasswordChangeTheOldPasswordIsRefusedAtOnce() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isOk());

		this.directory.changeOwnPassword(rep.id(), TestUsers.PASSWORD, NEW_PASSWORD, null);

		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/users/me").with(httpBasic(rep.username(), NEW_PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void aPasswordChangedBehindTheDirectorysBackIsRefusedAtOnceToo() throws Exception {
		// as when another node changed it: no event reaches this one
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isOk());

		this.jdbc.sql("update users set password_hash = :hash where id = :id")
			.param("hash", this.passwordEncoder.encode(NEW_PASSWORD))
			.param("id", rep.id())
			.update();

		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isUnauthorized());
	}

	@Test
	void afterDeactivationTheUserIsRefusedAtOnce() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isOk());

		this.directory.deactivate(rep.id(), admin.id());

		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isUnauthorized());
		assertThat(this.verified.remembers(rep.id(), rep.username(), TestUsers.PASSWORD, hashOf(rep))).isFalse();
	}

	@Test
	void aRoleChangeForgetsTheVerifiedPasswordAndTheNextCallHasTheNewRole() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isOk());

		User current = this.directory.get(rep.id());
		this.directory.update(rep.id(), current.version(),
				new UserProfile(current.username(), current.fullName(), current.email(), current.title(), Role.MANAGER,
						current.managerId(), current.team(), current.region(), current.hiredOn(),
						current.integrationAccount(), current.notCountedReason()),
				admin.id());

		assertThat(this.verified.remembers(rep.id(), rep.username(), TestUsers.PASSWORD, hashOf(rep))).isFalse();
		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.role")
				.value("MANAGER"));
	}

	@Test
	void aFailedSignInForgetsTheVerifiedPassword() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isOk());

		this.mvc.perform(get("/api/v1/users/me").with(httpBasic(rep.username(), "a guess")))
			.andExpect(status().isUnauthorized());

		assertThat(this.verified.remembers(rep.id(), rep.username(), TestUsers.PASSWORD, hashOf(rep))).isFalse();
	}

	private PasswordAuthentication.RememberingPasswordCheck provider(PasswordEncoder encoder) {
		return new PasswordAuthentication.RememberingPasswordCheck(this.signIn, encoder,
				new VerifiedCredentials(new VerifiedCredentials.Settings(Duration.ofMinutes(5), 100L)));
	}

	private static UsernamePasswordAuthenticationToken credentials(String username, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
	}

	private String hashOf(User user) {
		return this.jdbc.sql("select password_hash from users where id = :id")
			.param("id", user.id())
			.query(String.class)
			.single();
	}

	/**
	 * The application's password encoder, counting how often it verifies a password.
	 */
	private static final class CountingEncoder implements PasswordEncoder {

		private final PasswordEncoder encoder;

		private final AtomicInteger matches = new AtomicInteger();

		private CountingEncoder(PasswordEncoder encoder) {
			this.encoder = encoder;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return this.encoder.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.matches.incrementAndGet();
			return this.encoder.matches(rawPassword, encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return this.encoder.upgradeEncoding(encodedPassword);
		}

	}

}
