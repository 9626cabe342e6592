package dev.bellwether.adoption.alerts;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The executive sponsors page: administrators only, linked from the adoption dashboard
 * for them alone.
 */
@IntegrationTest
class SponsorAdminPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	AdoptionSponsors sponsors;

	@Test
	void administratorsDesignateAndRemoveSponsors() throws Exception {
		User admin = this.testUsers.create(Role.ADMIN);
		User executive = this.testUsers.create(Role.EXECUTIVE);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);

		this.mvc.perform(get("/adoption").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/adoption/sponsors")));
		this.mvc.perform(get("/admin/adoption/sponsors").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(executive.fullName())));
		this.mvc.perform(
				post("/admin/adoption/sponsors").param("userId", executive.id().toString()).with(session).with(csrf()))
			.andExpect(redirectedUrl("/admin/adoption/sponsors"));
		assertThat(this.sponsors.isSponsor(executive.id())).isTrue();
		this.mvc.perform(get("/admin/adoption/sponsors").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/adoption/sponsors/" + executive.id() + "/remove")));

		this.mvc.perform(post("/admin/adoption/sponsors/{id}/remove", executive.id()).with(session).with(csrf()))
			.andExpect(redirectedUrl("/admin/adoption/sponsors"));
		assertThat(this.sponsors.isSponsor(executive.id())).isFalse();
	}

	@Test
	void othersCannotSeeOrChangeSponsors() throws Exception {
		User executive = this.testUsers.create(Role.EXECUTIVE);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, executive);

		this.mvc.perform(get("/adoption").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/admin/adoption/sponsors"))));
		this.mvc.perform(get("/admin/adoption/sponsors").with(session)).andExpect(status().isForbidden());
		this.mvc.perform(
				post("/admin/adoption/sponsors").param("userId", executive.id().toString()).with(session).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.sponsors.isSponsor(executive.id())).isFalse();
	}

}
