package dev.bellwether.platform.web;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Administration menu of the shared layout offers each role the set-up pages it may
 * open, and nobody else sees it.
 */
@IntegrationTest
class AdministrationMenuTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void administratorsGetEverySetUpPage() throws Exception {
		User admin = this.users.create(Role.ADMIN);

		this.mvc.perform(get("/accounts").with(TestUsers.signIn(this.mvc, admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"nav-admin\""),
					containsString("href=\"/admin/users\" id=\"nav-admin-users\""),
					containsString("href=\"/admin/stages\" id=\"nav-admin-stages\""),
					containsString("href=\"/admin/products\" id=\"nav-admin-products\""),
					containsString("href=\"/admin/adoption/key-features\" id=\"nav-admin-key-features\""),
					containsString("href=\"/admin/adoption/sponsors\" id=\"nav-admin-sponsors\""))));
	}

	@Test
	void salesAdministratorsGetStagesAndProductsOnly() throws Exception {
		User salesAdmin = this.users.create(Role.SALES_ADMIN);

		this.mvc.perform(get("/accounts").with(TestUsers.signIn(this.mvc, salesAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"nav-admin-stages\""),
					containsString("id=\"nav-admin-products\""), not(containsString("id=\"nav-admin-users\"")),
					not(containsString("id=\"nav-admin-key-features\"")),
					not(containsString("id=\"nav-admin-sponsors\"")))));
		this.mvc.perform(get("/admin/stages").with(TestUsers.signIn(this.mvc, salesAdmin))).andExpect(status().isOk());
	}

	@Test
	void everyoneElseHasNoAdministrationMenu() throws Exception {
		for (Role role : new Role[] { Role.REP, Role.MANAGER, Role.EXECUTIVE, Role.MARKETING, Role.SERVICE }) {
			this.mvc.perform(get("/accounts").with(TestUsers.signIn(this.mvc, this.users.create(role))))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("nav-admin"))));
		}
	}

}
