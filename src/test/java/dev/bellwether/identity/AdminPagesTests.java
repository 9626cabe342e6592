package dev.bellwether.identity;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AdminPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	UserDirectory directory;

	@Test
	void onlyAdministratorsReachTheUserPages() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, manager);

		this.mvc.perform(get("/admin/users").with(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/users/{id}", manager.id()).with(session)).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users/{id}/deactivate", manager.id()).with(session).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.directory.get(manager.id()).active()).isTrue();
	}

	@Test
	void anAdministratorCreatesDeactivatesAndReactivatesAUser() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User manager = this.users.create(Role.MANAGER);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);
		String username = "page.user." + System.nanoTime();

		this.mvc.perform(get("/admin/users/new").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(Role.SALES_ADMIN.description())));

		// invalid first: the errors show inline, and the password is not sent back
		this.mvc
			.perform(post("/admin/users").with(session)
				.with(csrf())
				.param("username", username)
				.param("fullName", "Paula Page")
				.param("email", "not-an-email")
				.param("role", "REP")
				.param("password", "short1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter an e-mail address such as name@example.com.")))
			.andExpect(content().string(containsString("Use at least 8 characters.")))
			.andExpect(content().string(containsString("is-invalid")))
			.andExpect(content().string(containsString("value=\"Paula Page\"")))
			.andExpect(content().string(not(containsString("short1"))));
		assertThat(this.directory.findByUsername(username)).isEmpty();

		MvcResult created = this.mvc
			.perform(post("/admin/users").with(session)
				.with(csrf())
				.param("username", username)
				.param("fullName", "Paula Page")
				.param("email", username + "@example.com")
				.param("role", "REP")
				.param("managerId", manager.id().toString())
				.param("hiredOn", "2026-02-02")
				.param("password", "page password"))
			.andExpect(redirectedUrlPattern("/admin/users/*"))
			.andReturn();
		User user = this.directory.findByUsername(username).orElseThrow();
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + user.id());
		assertThat(user.managerId()).isEqualTo(manager.id());
		assertThat(user.hiredOn()).hasToString("2026-02-02");

		this.mvc.perform(get("/admin/users/{id}", user.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Level 1")))
			.andExpect(content().string(containsString(manager.fullName())))
			.andExpect(content().string(containsString("id=\"deactivate-user\"")));

		this.mvc.perform(post("/admin/users/{id}/deactivate", user.id()).with(session).with(csrf()))
			.andExpect(redirectedUrlPattern("/admin/users/*"));
		assertThat(this.directory.get(user.id()).active()).isFalse();
		this.mvc.perform(formLogin("/login").user(username).password("page password")).andExpect(unauthenticated());
		this.mvc.perform(get("/admin/users/{id}", user.id()).with(session))
			.andExpect(content().string(containsString("id=\"reactivate-user\"")))
			.andExpect(content().string(containsString("id=\"deactivated-at\"")));

		this.mvc.perform(post("/admin/users/{id}/reactivate", user.id()).with(session).with(csrf()))
			.andExpect(redirectedUrlPattern("/admin/users/*"));
		assertThat(this.directory.get(user.id()).active()).isTrue();
		this.mvc.perform(formLogin("/login").user(username).password("page password")).andExpect(authenticated());
	}

	@Test
	void theUserListFiltersAndAnswersHtmxWithJustTheResults() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User marketing = this.users.create(Role.MARKETING);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);

		this.mvc.perform(get("/admin/users").param("q", marketing.username()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString(marketing.fullName())));

		this.mvc
			.perform(get("/admin/users").param("role", "MARKETING")
				.param("status", "inactive")
				.param("q", marketing.username())
				.header("HX-Request", "true")
				.header("HX-Target", "results")
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("No user matches these filters.")));

		this.mvc
			.perform(get("/admin/users").param("role", "MARKETING")
				.param("status", "active")
				.param("sort", "lastLogin,desc")
				.param("q", marketing.username())
				.header("HX-Request", "true")
				.header("HX-Target", "results")
				.with(session))
			.andExpect(content().string(containsString(marketing.fullName())));
	}

	@Test
	void aStaleEditSaysSoAndOffersAReload() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);
		this.mvc.perform(get("/admin/users/{id}/edit", rep.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + rep.username() + "\"")))
			.andExpect(content().string(not(containsString("Initial password"))));
		this.directory.update(rep.id(), rep.version(), new UserProfile(rep.username(), rep.fullName(), rep.email(),
				"Changed meanwhile", rep.role(), null, null, null, null), admin.id());

		this.mvc
			.perform(post("/admin/users/{id}", rep.id()).with(session)
				.with(csrf())
				.param("username", rep.username())
				.param("fullName", rep.fullName())
				.param("email", rep.email())
				.param("role", "REP")
				.param("title", "My edit")
				.param("version", String.valueOf(rep.version())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("changed by someone else")))
			.andExpect(content().string(containsString("id=\"reload-user\"")));
		assertThat(this.directory.get(rep.id()).title()).isEqualTo("Changed meanwhile");
	}

	@Test
	void anAdministratorResetsAPassword() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);

		this.mvc.perform(
				post("/admin/users/{id}/password", rep.id()).with(session).with(csrf()).param("newPassword", "tiny"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Use at least 8 characters.")));

		this.mvc
			.perform(post("/admin/users/{id}/password", rep.id()).with(session)
				.with(csrf())
				.param("newPassword", "reset by the admin"))
			.andExpect(redirectedUrlPattern("/admin/users/*"));
		this.mvc.perform(formLogin("/login").user(rep.username()).password("reset by the admin"))
			.andExpect(authenticated());
	}

}
