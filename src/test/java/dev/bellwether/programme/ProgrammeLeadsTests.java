package dev.bellwether.programme;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who runs the programme: administrators always, others once an administrator flags them;
 * nobody else flags anyone, and the Programme page opens for everyone.
 */
@IntegrationTest
class ProgrammeLeadsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	ProgrammeLeads leads;

	@Test
	void administratorsFlagAndRemoveProgrammeLeads() throws Exception {
		User admin = this.testUsers.create(Role.ADMIN);
		User manager = this.testUsers.create(Role.MANAGER);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);
		assertThat(this.leads.isLead(Viewer.of(admin))).isTrue();
		assertThat(this.leads.isLead(Viewer.of(manager))).isFalse();

		this.mvc.perform(get("/admin/programme/leads").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(manager.fullName())));
		this.mvc
			.perform(post("/admin/programme/leads").param("userId", manager.id().toString()).with(session).with(csrf()))
			.andExpect(redirectedUrl("/admin/programme/leads"));
		assertThat(this.leads.isLead(Viewer.of(manager))).isTrue();
		assertThat(this.leads.list()).anySatisfy(lead -> {
			assertThat(lead.userId()).isEqualTo(manager.id());
			assertThat(lead.flaggedByName()).isEqualTo(admin.fullName());
		});

		this.mvc.perform(post("/admin/programme/leads/{id}/remove", manager.id()).with(session).with(csrf()))
			.andExpect(redirectedUrl("/admin/programme/leads"));
		assertThat(this.leads.isLead(Viewer.of(manager))).isFalse();
	}

	@Test
	void othersCannotFlagLeadsButSeeTheProgrammePage() throws Exception {
		User rep = this.testUsers.create(Role.REP);
		User manager = this.testUsers.create(Role.MANAGER);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, manager);

		this.mvc.perform(get("/admin/programme/leads").with(session)).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/programme/leads").param("userId", rep.id().toString()).with(session).with(csrf()))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> this.leads.designate(Viewer.of(manager), rep.id()))
			.isInstanceOf(ForbiddenException.class);
		assertThat(this.leads.isLead(Viewer.of(rep))).isFalse();
		assertThatThrownBy(() -> this.leads.requireLead(Viewer.of(rep))).isInstanceOf(ForbiddenException.class);

		this.mvc.perform(get("/programme").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Adoption programme")));
	}

}
