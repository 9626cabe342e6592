package dev.bellwether.platform;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every API error is an RFC 9457 problem document with a specific message, and never a
 * stack trace.
 */
@IntegrationTest
class ApiErrorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void withoutCredentialsIs401Problem() throws Exception {
		this.mvc.perform(get("/api/v1/accounts"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(header().exists("WWW-Authenticate"))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void wrongPasswordIs401() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/accounts")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.httpBasic(rep.username(), "not the password")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void unknownRouteIs404Problem() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/no-such-thing").with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void unknownIdIs404Problem() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/accounts/" + Ids.newId()).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("No account with id")));
		this.mvc.perform(get("/api/v1/accounts/not-a-uuid").with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("not a valid id")));
	}

	@Test
	void oversizedBodyIs413Problem() throws Exception {
		User rep = this.users.create(Role.REP);
		String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content(huge))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.status").value(413));
	}

	@Test
	void malformedJsonIs400NamingTheProblem() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Broken\","))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Malformed request body"))
			.andExpect(jsonPath("$.detail", containsString("not valid JSON")));
	}

	@Test
	void aValueOfTheWrongTypeIs400NamingTheFieldAndWhatItShouldBe() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Typed\", \"employees\": \"many\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Field 'employees': 'many' is not a whole number."));
		this.mvc
			.perform(post("/api/v1/activities").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\": \"TASK\", \"subject\": \"Call back\", \"dueDate\": \"next tuesday\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Field 'dueDate': 'next tuesday' is not a date; use YYYY-MM-DD."));
	}

	@Test
	void unknownSortIs400NamingTheField() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/accounts").param("sort", "password").with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void wrongMethodIs405Problem() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.patch("/api/v1/accounts/" + Ids.newId())
				.with(TestUsers.basic(rep)))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.status").value(405));
	}

	@Test
	void unknownPageIsAnHtmlErrorPage() throws Exception {
		this.mvc.perform(get("/login")).andExpect(status().isOk());
	}

}
