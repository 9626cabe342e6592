package dev.bellwether.identity;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Integration accounts (a system signs in as the user; adoption figures leave them out):
 * administrators set the flag in the user form and the API, and the user list shows it.
 */
@IntegrationTest
class IntegrationAccountTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	UserDirectory directory;

	@Test
	void anAdministratorMarksAUserAsAnIntegrationAccountInTheFormAndTheListShowsIt() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User sync = this.users.create(Role.REP);
		assertThat(sync.integrationAccount()).isFalse();
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);

		this.mvc.perform(get("/admin/users/{id}/edit", sync.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"integrationAccount\"")));
		this.mvc
			.perform(post("/admin/users/{id}", sync.id()).with(session)
				.with(csrf())
				.param("username", sync.username())
				.param("fullName", sync.fullName())
				.param("email", sync.email())
				.param("role", "REP")
				.param("integrationAccount", "true")
				.param("version", String.valueOf(sync.version())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.directory.get(sync.id()).integrationAccount()).isTrue();

		this.mvc.perform(get("/admin/users").param("q", sync.username()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Integration</span>")));
		this.mvc.perform(get("/admin/users/{id}", sync.id()).with(session))
			.andExpect(content().string(containsString("id=\"user-integration\"")));

		// an unticked box (the browser sends only the marker field) clears the flag
		User marked = this.directory.get(sync.id());
		this.mvc
			.perform(post("/admin/users/{id}", sync.id()).with(session)
				.with(csrf())
				.param("username", sync.username())
				.param("fullName", sync.fullName())
				.param("email", sync.email())
				.param("role", "REP")
				.param("_integrationAccount", "on")
				.param("version", String.valueOf(marked.version())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.directory.get(sync.id()).integrationAccount()).isFalse();
		this.mvc.perform(get("/admin/users").param("q", sync.username()).with(session))
			.andExpect(content().string(not(containsString(">Integration</span>"))));
	}

	@Test
	void theApiCreatesAnIntegrationAccountAndAnUpdateWithoutTheFieldLeavesItAlone() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		String username = "sync." + System.nanoTime();

		this.mvc.perform(
				post("/api/v1/users").with(TestUsers.basic(admin)).contentType(MediaType.APPLICATION_JSON).content("""
						{"username": "%s", "fullName": "Warehouse sync", "email": "%s@example.com", "role": "REP",
						 "password": "a long enough password", "integrationAccount": true}
						""".formatted(username, username)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.integrationAccount").value(true));
		User sync = this.directory.findByUsername(username).orElseThrow();
		assertThat(sync.integrationAccount()).isTrue();

		this.mvc
			.perform(put("/api/v1/users/{id}", sync.id()).with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username": "%s", "fullName": "Warehouse sync (EU)", "email": "%s@example.com", "role": "REP",
						 "version": %d}
						""".formatted(username, username, sync.version())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fullName").value("Warehouse sync (EU)"))
			.andExpect(jsonPath("$.integrationAccount").value(true));

		User renamed = this.directory.get(sync.id());
		this.mvc
			.perform(put("/api/v1/users/{id}", sync.id()).with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username": "%s", "fullName": "Warehouse sync (EU)", "email": "%s@example.com", "role": "REP",
						 "integrationAccount": false, "version": %d}
						""".formatted(username, username, renamed.version())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.integrationAccount").value(false));
		assertThat(this.directory.get(sync.id()).integrationAccount()).isFalse();

		User person = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/users/{id}", person.id()).with(TestUsers.basic(admin)))
			.andExpect(jsonPath("$.integrationAccount").value(false));
	}

}
