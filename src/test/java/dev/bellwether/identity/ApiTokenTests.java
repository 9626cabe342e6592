package dev.bellwether.identity;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.internal.ApiToken;
import dev.bellwether.identity.internal.ApiTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ApiTokenTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	TestUsers users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenSignsItsOwnerIn() throws Exception {
		User rep = this.users.create(Role.REP);
		ApiTokens.CreatedToken created = this.tokens.create(rep.id(), "Reporting script", null);

		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + created.secret()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(rep.id().toString()));

		assertThat(this.tokens.listOf(rep.id())).singleElement().satisfies(token -> {
			assertThat(token.name()).isEqualTo("Reporting script");
			assertThat(token.lastUsedAt()).isNotNull();
			assertThat(created.secret()).startsWith(token.prefix());
		});
	}

	@Test
	void aRevokedTokenIsRefused() throws Exception {
		User rep = this.users.create(Role.REP);
		ApiTokens.CreatedToken created = this.tokens.create(rep.id(), "Old script", null);
		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + created.secret()))
			.andExpect(status().isOk());

		this.tokens.revoke(rep.id(), created.token().id());

		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + created.secret()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.detail").value(containsString("unknown, revoked or expired")));
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		User rep = this.users.create(Role.REP);
		ApiTokens.CreatedToken created = this.tokens.create(rep.id(), "Short-lived", 1);
		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + created.secret()))
			.andExpect(status().isOk());

		this.jdbc.sql("update api_tokens set expires_at = :past where id = :id")
			.param("past", OffsetDateTime.now(this.clock).minusMinutes(1))
			.param("id", created.token().id())
			.update();

		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + created.secret()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anUnknownTokenIsRefused() throws Exception {
		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer bw_garbage-that-was-never-issued"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer not-even-our-format"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/users/me")).andExpect(status().isUnauthorized());
	}

	@Test
	void aDeactivatedUsersTokenIsRefused() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		ApiTokens.CreatedToken created = this.tokens.create(rep.id(), "Integration", null);
		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + created.secret()))
			.andExpect(status().isOk());

		this.directory.deactivate(rep.id(), admin.id());

		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + created.secret()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void onlyAHashOfTheSecretIsStored() throws Exception {
		User rep = this.users.create(Role.REP);
		ApiTokens.CreatedToken created = this.tokens.create(rep.id(), "Stored", null);

		String stored = this.jdbc.sql("select token_hash from api_tokens where id = :id")
			.param("id", created.token().id())
			.query(String.class)
			.single();
		String everything = this.jdbc.sql("select t::text from api_tokens t where id = :id")
			.param("id", created.token().id())
			.query(String.class)
			.single();

		assertThat(stored).isNotEqualTo(created.secret()).isEqualTo(sha256(created.secret()));
		assertThat(everything).doesNotContain(created.secret().substring(10));
	}

	@Test
	void aTokenCanOnlyBeRevokedByItsOwner() {
		User rep = this.users.create(Role.REP);
		User other = this.users.create(Role.REP);
		ApiTokens.CreatedToken created = this.tokens.create(rep.id(), "Mine", null);

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.tokens.revoke(other.id(), created.token().id()))
			.isInstanceOf(dev.bellwether.platform.RecordNotFoundException.class);
		assertThat(this.tokens.listOf(rep.id())).singleElement()
			.satisfies(token -> assertThat(token.revokedAt()).isNull());
	}

	@Test
	void theTokensPageShowsANewSecretOnceAndRevokes() throws Exception {
		User rep = this.users.create(Role.REP);
		org.springframework.test.web.servlet.request.RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/settings/tokens")
				.with(session)
				.with(csrf())
				.param("name", "")
				.param("validForDays", "30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the token a name")));

		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/settings/tokens")
				.with(session)
				.with(csrf())
				.param("name", "Spreadsheet")
				.param("validForDays", "30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Copy it now.")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		ApiToken token = this.tokens.listOf(rep.id()).get(0);
		String secret = page.replaceAll("(?s).*id=\"token-secret\"[^>]*value=\"(bw_[^\"]+)\".*", "$1");
		assertThat(secret).startsWith(token.prefix());
		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk());

		this.mvc.perform(get("/settings/tokens").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Spreadsheet")))
			.andExpect(content().string(containsString("Active")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(secret))));

		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/settings/tokens/{id}/revoke", token.id())
				.with(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/settings/tokens"));
		this.mvc.perform(get("/settings/tokens").with(session)).andExpect(content().string(containsString("Revoked")));
		this.mvc.perform(get("/api/v1/users/me").header("Authorization", "Bearer " + secret))
			.andExpect(status().isUnauthorized());
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
