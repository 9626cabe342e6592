package dev.bellwether.platform.web;

import java.nio.charset.StandardCharsets;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The NUL character (0x00), which PostgreSQL refuses, is turned away at the door with a
 * 400 wherever it comes in: a filter parameter, a JSON string, a form field.
 */
@IntegrationTest
class NulCharacterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNulInAnApiFilterIsA400Problem() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/accounts").param("q", "acme\0").with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Invalid input"))
			.andExpect(jsonPath("$.detail").value(containsString("NUL character (0x00)")))
			.andExpect(jsonPath("$.detail").value(containsString("'q'")));
	}

	@Test
	void aNulInAJsonStringIsA400ProblemAndNothingIsSaved() throws Exception {
		User rep = this.users.create(Role.REP);
		String name = "Nul Corp " + rep.id();
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\\u0000\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("NUL character (0x00)")));
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content(("{\"name\":\"" + name + "\0\"}").getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest());

		assertThat(this.jdbc.sql("select count(*) from accounts where name like :name")
			.param("name", name + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEscapedBackslashBeforeU0000IsOrdinaryText() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Backslash \\\\u0000 Ltd " + rep.id() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Backslash \\u0000 Ltd " + rep.id()));
	}

	@Test
	void aNulInAPageFormFieldOrFilterIsA400Page() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		// the error page shows the detail (the request attribute) to the user
		this.mvc.perform(post("/accounts").with(session).with(csrf()).param("name", "Form\0Corp"))
			.andExpect(status().isBadRequest())
			.andExpect(request().attribute(ErrorResponses.DETAIL_ATTRIBUTE, containsString("the field 'name'")));
		this.mvc.perform(get("/accounts").with(session).param("q", "\0"))
			.andExpect(status().isBadRequest())
			.andExpect(request().attribute(ErrorResponses.DETAIL_ATTRIBUTE, containsString("NUL character")));
	}

	@Test
	void theSignInFormToo() throws Exception {
		this.mvc.perform(post("/login").with(csrf()).param("username", "ad\0min").param("password", "x"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theCheckFindsRawAndEscapedNulOnly() {
		assertThat(NulCharacterFilter.hasNul("{\"a\":\"\\u0000\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(NulCharacterFilter.hasNul(new byte[] { '{', 0, '}' })).isTrue();
		assertThat(NulCharacterFilter.hasNul("{\"a\":\"\\\\u0000\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(NulCharacterFilter.hasNul("{\"a\":\"\\u0001 \\\" u0000\"}".getBytes(StandardCharsets.UTF_8)))
			.isFalse();
	}

}
