package dev.bellwether.identity;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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

	private static final int MAX_FAILED_LOGINS_PER_ADDRESS = 20;

	private static final int MAX_FAILED_LOGINS_PER_USER = 50;

	private static final String PASSWORD_CHANGED = "Your password is changed; your other sessions are signed out.";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

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
	void aLockedUserAndAnUnknownUserGetTheSameAnswerOnPagesAndApi() throws Exception {
		User rep = this.users.create(Role.REP);
		String address = newAddress();
		for (int i = 0; i < MAX_FAILED_LOGINS; i++) {
			this.mvc.perform(signIn(address, rep.username(), "guess " + i)).andExpect(redirectedUrl("/login?error"));
		}

		// the right password, from the address that guessed: refused, as for a user that
		// does not exist
		this.mvc.perform(signIn(address, rep.username(), TestUsers.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(signIn(address, "nobody-" + UUID.randomUUID(), TestUsers.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		String locked = this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep)).with(from(address)))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknown = this.mvc
			.perform(get("/api/v1/users/me").with(httpBasic("nobody-" + UUID.randomUUID(), TestUsers.PASSWORD))
				.with(from(address)))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(locked).isEqualTo(unknown).doesNotContain("locked");
	}

	@Test
	void guessingFromOneAddressDoesNotLockTheUserOutElsewhere() throws Exception {
		User rep = this.users.create(Role.REP);
		String attacker = newAddress();
		for (int i = 0; i < MAX_FAILED_LOGINS + 2; i++) {
			this.mvc.perform(signIn(attacker, rep.username(), "guess " + i));
		}
		this.mvc.perform(signIn(attacker, rep.username(), TestUsers.PASSWORD)).andExpect(unauthenticated());

		this.mvc.perform(signIn(newAddress(), rep.username(), TestUsers.PASSWORD))
			.andExpect(authenticated().withUsername(rep.username()));
	}

	@Test
	void anAddressThatFailsForManyUsernamesIsThrottled() throws Exception {
		User rep = this.users.create(Role.REP);
		String address = newAddress();
		for (int i = 0; i < MAX_FAILED_LOGINS_PER_ADDRESS; i++) {
			this.mvc.perform(signIn(address, "someone-" + i + "-" + UUID.randomUUID(), "guess"))
				.andExpect(redirectedUrl("/login?error"));
		}

		// a user who has never failed, with the right password: refused from there alone
		this.mvc.perform(signIn(address, rep.username(), TestUsers.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(signIn(newAddress(), rep.username(), TestUsers.PASSWORD)).andExpect(authenticated());
	}

	@Test
	void aGuessSpreadOverManyAddressesLocksTheUsername() throws Exception {
		User rep = this.users.create(Role.REP);
		// as after 49 failures from addresses that each stayed under their own limit
		this.jdbc.sql("update users set failed_logins = :failures where id = :id")
			.param("failures", MAX_FAILED_LOGINS_PER_USER - 1)
			.param("id", rep.id())
			.update();
		this.mvc.perform(signIn(newAddress(), rep.username(), "one more guess"));

		this.mvc.perform(signIn(newAddress(), rep.username(), TestUsers.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		assertThat(this.jdbc.sql("select locked_until is not null from users where id = :id")
			.param("id", rep.id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aFewWrongPasswordsDoNotLockAndASuccessStartsTheCountAgain() throws Exception {
		User rep = this.users.create(Role.REP);
		String address = newAddress();
		for (int i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
			this.mvc.perform(signIn(address, rep.username(), "guess " + i));
		}
		this.mvc.perform(signIn(address, rep.username(), TestUsers.PASSWORD)).andExpect(authenticated());
		this.mvc.perform(signIn(address, rep.username(), "one more typo")).andExpect(redirectedUrl("/login?error"));

		this.mvc.perform(signIn(address, rep.username(), TestUsers.PASSWORD)).andExpect(authenticated());
	}

	@Test
	void oneTypoAfterTheLockoutHasPassedDoesNotLockAgain() throws Exception {
		User rep = this.users.create(Role.REP);
		String address = newAddress();
		for (int i = 0; i < MAX_FAILED_LOGINS; i++) {
			this.mvc.perform(signIn(address, rep.username(), "guess " + i));
		}
		// the lockout (15 minutes in tests) has run out
		this.jdbc.sql("update sign_in_failures set failed_at = failed_at - interval '16 minutes' where address = :a")
			.param("a", address)
			.update();

		this.mvc.perform(signIn(address, rep.username(), "one typo")).andExpect(redirectedUrl("/login?error"));

		this.mvc.perform(signIn(address, rep.username(), TestUsers.PASSWORD)).andExpect(authenticated());
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
			.andExpect(flash().attribute("flashSuccess", PASSWORD_CHANGED));

		this.mvc.perform(formLogin("/login").user(rep.username()).password("brand new secret"))
			.andExpect(authenticated());
		this.mvc.perform(formLogin("/login").user(rep.username()).password(TestUsers.PASSWORD))
			.andExpect(unauthenticated());
	}

	@Test
	void secretsNeverReachTheLogs(CapturedOutput output) throws Exception {
		User rep = this.users.create(Role.REP);
		String wrongPassword = "wrong-" + java.util.UUID.randomUUID();
		String address = newAddress();
		for (int i = 0; i < MAX_FAILED_LOGINS; i++) {
			this.mvc.perform(signIn(address, rep.username(), wrongPassword));
		}
		this.mvc.perform(get("/api/v1/users/me").with(httpBasic(rep.username(), wrongPassword)).with(from(address)))
			.andExpect(status().isUnauthorized());
		// a lockout is about guessed passwords: the user's tokens keep working
		ApiTokens.CreatedToken token = this.tokens.create(rep.id(), "Logged?", null);
		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + token.secret()))
			.andExpect(status().isOk());
		String unknownToken = "bw_" + java.util.UUID.randomUUID();
		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + unknownToken))
			.andExpect(status().isUnauthorized());

		// the lockout is logged, so the log is being captured
		assertThat(output).contains("Sign-in throttled for a client address");
		assertThat(output).doesNotContain(wrongPassword)
			.doesNotContain(token.secret())
			.doesNotContain(token.secret().substring(10))
			.doesNotContain(unknownToken);
	}

	@Test
	void changingYourPasswordEndsYourOtherSessionsButNotThisOne() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor laptop = TestUsers.signIn(this.mvc, rep);
		RequestPostProcessor phone = TestUsers.signIn(this.mvc, rep);
		User colleague = this.users.create(Role.REP);
		RequestPostProcessor colleagues = TestUsers.signIn(this.mvc, colleague);

		this.mvc
			.perform(post("/settings/password").with(laptop)
				.with(csrf())
				.param("currentPassword", TestUsers.PASSWORD)
				.param("newPassword", "a new secret here")
				.param("confirmPassword", "a new secret here"))
			.andExpect(redirectedUrl("/settings/password"))
			.andExpect(flash().attribute("flashSuccess", PASSWORD_CHANGED));

		this.mvc.perform(get("/settings/password").with(laptop)).andExpect(status().isOk());
		this.mvc.perform(get("/settings/password").with(phone).accept("text/html"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/settings/password").with(colleagues)).andExpect(status().isOk());
	}

	@Test
	void aStaleFormOnALiveSessionSaysTheFormExpiredAndKeepsTheSession() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		for (RequestPostProcessor token : List.of(csrf().useInvalidToken(),
				(RequestPostProcessor) request -> request)) {
			this.mvc
				.perform(post("/settings/password").with(session)
					.with(token)
					.header("Referer", "http://localhost/settings/password")
					.param("currentPassword", TestUsers.PASSWORD)
					.param("newPassword", "never saved secret")
					.param("confirmPassword", "never saved secret"))
				.andExpect(redirectedUrl("/settings/password"));
			// still signed in, and told why nothing happened
			this.mvc.perform(get("/settings/password").with(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("The form expired, please try again.")));
		}
		// nothing was saved
		this.mvc.perform(formLogin("/login").user(rep.username()).password(TestUsers.PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void aStaleFormNeverRedirectsToAnotherSite() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		this.mvc
			.perform(post("/settings/tokens").with(session)
				.with(csrf().useInvalidToken())
				.header("Referer", "https://evil.example/settings/tokens")
				.param("name", "x"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void aStaleFormWithoutASessionAsksToSignInAgain() throws Exception {
		this.mvc.perform(post("/settings/password").with(csrf().useInvalidToken()).param("currentPassword", "x"))
			.andExpect(redirectedUrl("/login?expired"));
	}

	private static String newAddress() {
		// a documentation range (RFC 3849), a new address per test: the suite shares one
		// database and MockMvc's own address
		return "2001:db8::" + Integer.toHexString(ADDRESSES.incrementAndGet()) + ":"
				+ UUID.randomUUID().toString().substring(0, 4);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static MockHttpServletRequestBuilder signIn(String address, String username, String password) {
		return post("/login").with(csrf()).with(from(address)).param("username", username).param("password", password);
	}

}
