package dev.bellwether.marketing;

import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web-to-lead forms' pages: who may use them, the snippet, key rotation, and the lead
 * page telling how a lead came in.
 */
@IntegrationTest
class WebLeadFormPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	WebLeadForms forms;

	@Test
	void marketingCreatesAFormAndCopiesItsSnippet() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, marketing);
		String name = "Page form " + UUID.randomUUID();

		this.mvc
			.perform(post("/leads/forms").with(session)
				.with(csrf())
				.param("name", name)
				.param("allowedOrigins", "https://www.example.com\nftp://files.example")
				.param("leadSource", "Web")
				.param("ownerId", rep.id().toString())
				.param("active", "true"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("ftp://files.example is not one"), containsString("is-invalid"))));
		MvcResult created = this.mvc
			.perform(post("/leads/forms").with(session)
				.with(csrf())
				.param("name", name)
				.param("allowedOrigins", "https://www.example.com")
				.param("leadSource", "Web")
				.param("ownerId", rep.id().toString())
				.param("consentText", "You may e-mail me.")
				.param("consentRequired", "true")
				.param("active", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String page = created.getResponse().getRedirectedUrl();
		WebLeadForm form = this.forms.list(TestUsers.viewer(marketing))
			.stream()
			.filter(f -> f.name().equals(name))
			.findFirst()
			.orElseThrow();

		this.mvc.perform(get(page).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"snippet\""), containsString("id=\"copy-snippet\""),
					containsString("/w2l/" + form.publicKey()), containsString("name=&quot;website&quot;"),
					containsString("You may e-mail me."), containsString("JSON.stringify"))));
		this.mvc.perform(get("/leads/forms").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
		this.mvc.perform(get("/leads").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"web-forms-link\"")));

		this.mvc.perform(post(page + "/rotate-key").with(session).with(csrf()).param("version", "0"))
			.andExpect(status().is3xxRedirection());
		WebLeadForm rotated = this.forms.get(TestUsers.viewer(marketing), form.id());
		assertThat(rotated.publicKey()).isNotEqualTo(form.publicKey());
		this.mvc.perform(get(page).with(session))
			.andExpect(content()
				.string(allOf(containsString(rotated.publicKey()), not(containsString(form.publicKey())))));
		this.mvc
			.perform(post(page + "/active").with(session).with(csrf()).param("version", "1").param("active", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.forms.get(TestUsers.viewer(marketing), form.id()).active()).isFalse();
	}

	@Test
	void onlyAdministratorsAndMarketingManageForms() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		WebLeadForm form = this.forms.create(TestUsers.viewer(marketing),
				new WebLeadFormDetails("Guarded " + UUID.randomUUID(), List.of(), true, "Web", null, null, false, null,
						this.users.create(Role.REP).id()));

		this.mvc.perform(get("/leads/forms").with(TestUsers.signIn(this.mvc, this.users.create(Role.ADMIN))))
			.andExpect(status().isOk());
		for (Role role : List.of(Role.REP, Role.MANAGER, Role.SALES_ADMIN, Role.EXECUTIVE)) {
			RequestPostProcessor session = TestUsers.signIn(this.mvc, this.users.create(role));
			this.mvc.perform(get("/leads/forms").with(session)).andExpect(status().isForbidden());
			this.mvc.perform(get("/leads/forms/" + form.id()).with(session)).andExpect(status().isForbidden());
			this.mvc.perform(
					post("/leads/forms/" + form.id() + "/rotate-key").with(session).with(csrf()).param("version", "0"))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/leads").with(session))
				.andExpect(content().string(not(containsString("id=\"web-forms-link\""))));
		}
	}

	@Test
	void theLeadPageTellsWhichFormALeadCameThroughAndTheConsent() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		User rep = this.users.create(Role.REP);
		WebLeadForm form = this.forms.create(TestUsers.viewer(marketing),
				new WebLeadFormDetails("Newsletter " + UUID.randomUUID(), List.of(), true, "Web", null,
						"Send me the newsletter.", true, null, rep.id()));
		this.mvc.perform(post("/w2l/" + form.publicKey()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"last_name\":\"Subscriber\",\"consent\":true}")
			.with(request -> {
				request.setRemoteAddr("198.51.100.9");
				return request;
			})).andExpect(status().isAccepted());
		UUID leadId = this.forms.counts(TestUsers.viewer(marketing)).get(form.id()).submissions() == 1 ? findLead(form)
				: null;

		this.mvc.perform(get("/leads/" + leadId).with(TestUsers.signIn(this.mvc, rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"lead-web-submissions\""),
					containsString(form.name()), containsString("Send me the newsletter."), containsString("given at"),
					containsString("by the system"))));
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private UUID findLead(WebLeadForm form) {
		return this.jdbc.sql("select lead_id from web_lead_submissions where form_id = :f")
			.param("f", form.id())
			.query(UUID.class)
			.single();
	}

}
