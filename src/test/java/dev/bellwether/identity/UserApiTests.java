package dev.bellwether.identity;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UserApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	UserDirectory directory;

	@Test
	void everySignedInUserListsAndReadsUsers() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		User otherRep = this.users.create(Role.REP, manager.id());

		this.mvc.perform(get("/api/v1/users").param("managerId", manager.id().toString()).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(2))
			.andExpect(jsonPath("$.content[*].id")
				.value(org.hamcrest.Matchers.containsInAnyOrder(rep.id().toString(), otherRep.id().toString())));

		this.mvc.perform(get("/api/v1/users").param("q", rep.username()).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].username").value(rep.username()));

		String body = this.mvc.perform(get("/api/v1/users/{id}", rep.id()).with(TestUsers.basic(otherRep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fullName").value(rep.fullName()))
			.andExpect(jsonPath("$.managerId").value(manager.id().toString()))
			.andExpect(jsonPath("$.managerName").value(manager.fullName()))
			.andExpect(jsonPath("$.level").value(1))
			.andExpect(jsonPath("$.passwordHash").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContainIgnoringCase("argon2").doesNotContainIgnoringCase("password");

		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(manager.id().toString()))
			.andExpect(jsonPath("$.role").value("MANAGER"))
			.andExpect(jsonPath("$.level").value(0));
	}

	@Test
	void listsCanBeFilteredByRoleAndActivityAndSorted() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User service = this.users.create(Role.SERVICE);
		this.directory.deactivate(service.id(), admin.id());

		this.mvc
			.perform(get("/api/v1/users").param("role", "SERVICE")
				.param("active", "false")
				.param("sort", "lastLogin,desc")
				.param("size", "200")
				.with(TestUsers.basic(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.hasItem(service.id().toString())))
			.andExpect(jsonPath("$.content[*].active")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(false))))
			.andExpect(jsonPath("$.content[*].role")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("SERVICE"))));

		this.mvc.perform(get("/api/v1/users").param("sort", "password").with(TestUsers.basic(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
	}

	@Test
	void adminCreatesAndUpdatesAUser() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User manager = this.users.create(Role.MANAGER);
		String username = "new.rep." + System.nanoTime();

		String location = this.mvc
			.perform(post("/api/v1/users").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"username": "%s", "fullName": "Nora Newhire", "email": "%s@example.com", "title": "Account executive",
								 "role": "REP", "managerId": "%s", "team": "North", "region": "EMEA", "hiredOn": "2026-01-05",
								 "password": "a long enough password"}
								"""
							.formatted(username, username, manager.id())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.username").value(username))
			.andExpect(jsonPath("$.managerName").value(manager.fullName()))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.level").value(1))
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.password").doesNotExist())
			.andReturn()
			.getResponse()
			.getHeader("Location");

		// the new user signs in with the initial password
		this.mvc.perform(get("/api/v1/users/me").with(httpBasic(username, "a long enough password")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fullName").value("Nora Newhire"));

		this.mvc.perform(put(location).with(TestUsers.basic(admin)).contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "%s", "fullName": "Nora Newhire-Smith", "email": "%s@example.com", "role": "MANAGER",
				 "team": "South", "version": 0}
				""".formatted(username, username)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fullName").value("Nora Newhire-Smith"))
			.andExpect(jsonPath("$.role").value("MANAGER"))
			.andExpect(jsonPath("$.managerId").doesNotExist())
			.andExpect(jsonPath("$.level").value(0))
			.andExpect(jsonPath("$.version").value(1));
		assertThat(this.directory.findByUsername(username)).get()
			.extracting(User::team, User::role)
			.containsExactly("South", Role.MANAGER);
	}

	@Test
	void invalidFieldsAreNamed() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User taken = this.users.create(Role.REP);

		this.mvc.perform(
				post("/api/v1/users").with(TestUsers.basic(admin)).contentType(MediaType.APPLICATION_JSON).content("""
						{"username": "Not A Username!", "fullName": "X", "email": "not-an-email", "role": "REP",
						 "password": "short"}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.errors[?(@.field == 'username')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'password')].message").value("Use at least 8 characters."));

		this.mvc.perform(
				post("/api/v1/users").with(TestUsers.basic(admin)).contentType(MediaType.APPLICATION_JSON).content("""
						{"username": "%s", "fullName": "Duplicate", "email": "dup-%s@example.com", "role": "REP",
						 "password": "a long enough password"}
						""".formatted(taken.username(), System.nanoTime())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'username')].message")
				.value("The username '" + taken.username() + "' is already taken."));
	}

	@Test
	void aManagerChainCannotGoRoundInACircle() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User top = this.users.create(Role.MANAGER);
		User middle = this.users.create(Role.MANAGER, top.id());
		User rep = this.users.create(Role.REP, middle.id());

		this.mvc
			.perform(put("/api/v1/users/{id}", top.id()).with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username": "%s", "fullName": "%s", "email": "%s", "role": "MANAGER", "managerId": "%s",
						 "version": %d}
						""".formatted(top.username(), top.fullName(), top.email(), rep.id(), top.version())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'managerId')].message")
				.value(org.hamcrest.Matchers.hasItem(containsString("can't go round in a circle"))));
		assertThat(this.directory.get(top.id()).managerId()).isNull();
	}

	@Test
	void onlyAdministratorsChangeUsers() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());

		this.mvc.perform(post("/api/v1/users").with(TestUsers.basic(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "sneaky-%d", "fullName": "Sneaky", "email": "sneaky-%d@example.com", "role": "ADMIN",
					 "password": "a long enough password"}
					""".formatted(System.nanoTime(), System.nanoTime())))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.detail").value("Only administrators can create users."));

		this.mvc.perform(post("/api/v1/users/{id}/deactivate", rep.id()).with(TestUsers.basic(manager)))
			.andExpect(status().isForbidden());
		assertThat(this.directory.get(rep.id()).active()).isTrue();
	}

	@Test
	void staleVersionIsAConflict() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		String body = """
				{"username": "%s", "fullName": "%s", "email": "%s", "role": "REP", "team": "%s", "version": 0}
				""";

		this.mvc
			.perform(put("/api/v1/users/{id}", rep.id()).with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(rep.username(), rep.fullName(), rep.email(), "First")))
			.andExpect(status().isOk());

		this.mvc
			.perform(put("/api/v1/users/{id}", rep.id()).with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(rep.username(), rep.fullName(), rep.email(), "Second")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409));
		assertThat(this.directory.get(rep.id()).team()).isEqualTo("First");

		this.mvc
			.perform(put("/api/v1/users/{id}", rep.id()).with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\": \"%s\", \"fullName\": \"x\", \"email\": \"%s\", \"role\": \"REP\"}"
					.formatted(rep.username(), rep.email())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
	}

	@Test
	void unknownIdIsNotFound() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/users/{id}", java.util.UUID.randomUUID()).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(get("/api/v1/users/not-a-uuid").with(TestUsers.basic(rep))).andExpect(status().isNotFound());
	}

	@Test
	void aDeactivatedUserIsRefusedAndCanBeReactivated() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isOk());

		this.mvc.perform(post("/api/v1/users/{id}/deactivate", rep.id()).with(TestUsers.basic(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.deactivatedAt").exists());

		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep)))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));

		this.mvc.perform(post("/api/v1/users/{id}/reactivate", rep.id()).with(TestUsers.basic(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(true));
		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isOk());
	}

	@Test
	void anAdministratorCannotDeactivateThemselves() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		this.mvc.perform(post("/api/v1/users/{id}/deactivate", admin.id()).with(TestUsers.basic(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("active"));
	}

}
