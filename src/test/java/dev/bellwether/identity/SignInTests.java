package dev.bellwether.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.internal.ApiTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SignInTests {

	private static final int MAX_FAILED_LOGINS = 5;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	TestUsers users;

	@Autowired
	UserDirectory directory;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signingInLeadsToTheStartPageAndRecordsTheSignIn() throws Exception {
		User rep = this.users.create(Role.REP);

		this.mvc.perform(formLogin("/login").user(rep.username()).password(TestUsers.PASSWORD))
			.andExpect(authenticated().withUsername(rep.username()))
			.andExpect(redirectedUrl("/"));

		assertThat(this.directory.get(rep.id()).lastLoginAt()).isNotNull();
	}

	@Test
	void aWrongPasswordIsRefused() throws Exception {
		User rep = this.users.create(Role.REP);

		this.mvc.perform(formLogin("/login").user(rep.username()).password("not the password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void tooManyWrongPasswordsLockTheUserOutOfPagesAndApi() throws Exception {
		User rep = this.users.create(Role.REP);
		for (int i = 0; i < MAX_FAILED_LOGINS; i++) {
			this.mvc.perform(formLogin("/login").user(rep.username()).password("guess " + i))
				.andExpect(redirectedUrl("/login?error"));
		}

		this.mvc.perform(formLogin("/login").user(rep.username()).password(TestUsers.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep)))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(containsString("locked")));
	}

	@Test
	void aFewWrongPasswordsDoNotLockAndASuccessStartsTheCountAgain() throws Exception {
		User rep = this.users.create(Role.REP);
		for (int i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
			this.mvc.perform(formLogin("/login").user(rep.username()).password("guess " + i));
		}
		this.mvc.perform(formLogin("/login").user(rep.username()).password(TestUsers.PASSWORD))
			.andExpect(authenticated());
		this.mvc.perform(formLogin("/login").user(rep.username()).password("one more typo"))
			.andExpect(redirectedUrl("/login?error"));

		this.mvc.perform(formLogin("/login").user(rep.username()).password(TestUsers.PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void oneTypoAfterTheLockoutHasPassedDoesNotLockAgain() throws Exception {
		User rep = this.users.create(Role.REP);
		for (int i = 0; i < MAX_FAILED_LOGINS; i++) {
			this.mvc.perform(formLogin("/login").user(rep.username()).password("guess " + i));
		}
		// the lockout has run out
		this.jdbc.sql("update users set locked_until = :past where id = :id")
			.param("past", OffsetDateTime.now(this.clock).minusMinutes(1))
			.param("id", rep.id())
			.update();

		this.mvc.perform(formLogin("/login").user(rep.username()).password("one typo"))
			.andExpect(redirectedUrl("/login?error"));

		this.mvc.perform(formLogin("/login").user(rep.username()).password(TestUsers.PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void aDeactivatedUserCannotSignIn() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		this.directory.deactivate(rep.id(), admin.id());

		this.mvc.perform(formLogin("/login").user(rep.username()).password(TestUsers.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void usersChangeTheirOwnPassword() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		this.mvc.perform(get("/settings/password").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Change your password")));

		this.mvc
			.perform(post("/settings/password").with(session)
				.with(csrf())
				.param("currentPassword", "not my password")
				.param("newPassword", "brand new secret")
				.param("confirmPassword", "brand new secret"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("That is not your current password.")))
			.andExpect(content().string(containsString("is-invalid")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("brand new secret"))));

		this.mvc
			.perform(post("/settings/password").with(session)
				.with(csrf())
				.param("currentPassword", TestUsers.PASSWORD)
				.param("newPassword", "brand new secret")
				.param("confirmPassword", "brand new secreT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The two new passwords don&#39;t match.")));

		this.mvc
			.perform(post("/settings/password").with(session)
				.with(csrf())
				.param("currentPassword", TestUsers.PASSWORD)
				.param("newPassword", "short")
				.param("confirmPassword", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Use at least 8 characters.")));

		this.mvc
			.perform(post("/settings/password").with(session)
				.with(csrf())
				.param("currentPassword", TestUsers.PASSWORD)
				.param("newPassword", "brand new secret")
				.param("confirmPassword", "brand new secret"))
			.andExpect(redirectedUrl("/settings/password"))
			.andExpect(flash().attribute("flashSuccess", "Your password is changed."));

		this.mvc.perform(formLogin("/login").user(rep.username()).password("brand new secret"))
			.andExpect(authenticated());
		this.mvc.perform(formLogin("/login").user(rep.username()).password(TestUsers.PASSWORD))
			.andExpect(unauthenticated());
	}

	@Test
	void secretsNeverReachTheLogs(CapturedOutput output) throws Exception {
		User rep = this.users.create(Role.REP);
		String wrongPassword = "wrong-" + java.util.UUID.randomUUID();
		for (int i = 0; i < MAX_FAILED_LOGINS; i++) {
			this.mvc.perform(formLogin("/login").user(rep.username()).password(wrongPassword));
		}
		this.mvc.perform(get("/api/v1/users/me").with(httpBasic(rep.username(), wrongPassword)))
			.andExpect(status().isUnauthorized());
		// a lockout is about guessed passwords: the user's tokens keep working
		ApiTokens.CreatedToken token = this.tokens.create(rep.id(), "Logged?", null);
		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + token.secret()))
			.andExpect(status().isOk());
		String unknownToken = "bw_" + java.util.UUID.randomUUID();
		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + unknownToken))
			.andExpect(status().isUnauthorized());

		// the lockout is logged, so the log is being captured
		assertThat(output).contains("Sign-in locked for a user");
		assertThat(output).doesNotContain(wrongPassword)
			.doesNotContain(token.secret())
			.doesNotContain(token.secret().substring(10))
			.doesNotContain(unknownToken);
	}

}
