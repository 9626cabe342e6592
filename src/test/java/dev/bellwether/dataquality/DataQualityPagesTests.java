package dev.bellwether.dataquality;

import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
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
 * The desk's pages, the navigation to them and the home-page cards.
 */
@IntegrationTest
class DataQualityPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Contacts contacts;

	@Autowired
	StewardQueue queue;

	@Test
	void aStewardMeasuresDrillsDownAndAsksTheOwnerOnThePages() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		User steward = this.users.create(Role.SALES_ADMIN);
		String name = "Nomad " + UUID.randomUUID().toString().substring(0, 8);
		var contact = this.contacts.create(TestUsers.viewer(rep),
				new ContactDetails(null, name, null, null, null, null, null, rep.id()));
		RequestPostProcessor session = TestUsers.signIn(this.mvc, steward);

		this.mvc.perform(post("/data-quality/measure").with(csrf()).with(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/data-quality"));
		this.mvc.perform(get("/data-quality").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"team-scores\"")))
			.andExpect(content().string(containsString("id=\"trend-table\"")))
			.andExpect(content().string(containsString("id=\"definitions\"")))
			.andExpect(content().string(containsString("id=\"nav-admin-data-quality\"")))
			.andExpect(content().string(containsString("id=\"measure-now\"")));
		this.mvc.perform(get("/data-quality").param("team", manager.id().toString()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/data-quality/owners/" + rep.id())));
		this.mvc.perform(get("/data-quality/owners/" + rep.id()).param("type", "contact").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/contacts/" + contact.id() + "/edit")))
			// the missing e-mail address can be filled in place
			.andExpect(content().string(containsString("data-inline-field=\"email\"")))
			.andExpect(content().string(containsString("data-inline-id=\"" + contact.id() + "\"")));

		QualityIssue issue = this.queue
			.list(TestUsers.viewer(steward),
					new IssueFilter(QualityIssueKind.NO_ACCOUNT, null, rep.id(), null, null, false, "open"),
					PageRequest.of(0, 10))
			.getContent()
			.get(0);
		String queuePage = "/data-quality/queue?owner=" + rep.id() + "&status=open";
		this.mvc.perform(get("/data-quality/queue").param("owner", rep.id().toString()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"issue-" + issue.id() + "\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("/contacts/" + contact.id() + "/edit")));
		this.mvc.perform(
				post("/data-quality/queue/" + issue.id() + "/ask").param("back", queuePage).with(csrf()).with(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(queuePage));
		this.mvc
			.perform(post("/data-quality/queue/" + issue.id() + "/assign").param("assignee", steward.id().toString())
				.param("back", "https://elsewhere.example/")
				.with(csrf())
				.with(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/data-quality/queue"));
		this.mvc.perform(get("/data-quality/queue/" + issue.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"requests\"")))
			.andExpect(content().string(containsString("id=\"ask-owner-form\"")));
		QualityIssue after = this.queue.get(TestUsers.viewer(steward), issue.id());
		assertThat(after.askedCount()).isEqualTo(1);
		assertThat(after.assigneeId()).isEqualTo(steward.id());
		this.mvc.perform(get("/data-quality/queue").param("assignee", "none").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"issue-" + issue.id() + "\""))));
	}

	@Test
	void stewardsChangeTheRulesOnTheirPage() throws Exception {
		User steward = this.users.create(Role.SALES_ADMIN);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, steward);
		this.mvc.perform(get("/data-quality/rules").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"rule-account\"")))
			.andExpect(content().string(containsString("name=\"fields\"")));
		try {
			this.mvc
				.perform(post("/data-quality/rules").param("recordType", "contact")
					.param("fields", "email", "phone")
					.with(csrf())
					.with(session))
				.andExpect(status().is3xxRedirection());
			this.mvc.perform(get("/data-quality/rules").with(session))
				.andExpect(content().string(containsString("Back to the default")));
		}
		finally {
			this.mvc
				.perform(post("/data-quality/rules").param("recordType", "contact")
					.param("reset", "true")
					.with(csrf())
					.with(session))
				.andExpect(status().is3xxRedirection());
		}
	}

	@Test
	void repsCannotOpenTheDeskAndManagersSeeItInTheirNavigation() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		RequestPostProcessor repSession = TestUsers.signIn(this.mvc, rep);
		this.mvc.perform(get("/data-quality").with(repSession)).andExpect(status().isForbidden());
		this.mvc.perform(get("/data-quality/queue").with(repSession)).andExpect(status().isForbidden());
		this.mvc.perform(get("/data-quality/rules").with(TestUsers.signIn(this.mvc, manager)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/data-quality").with(TestUsers.signIn(this.mvc, manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"nav-data-quality\"")))
			.andExpect(content().string(not(containsString("id=\"measure-now\""))));
	}

	@Test
	void theManagersAndExecutivesHomePagesShowDataQuality() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		this.users.create(Role.REP, manager.id());
		User executive = this.users.create(Role.EXECUTIVE);
		this.mvc.perform(get("/").param("view", "team").with(TestUsers.signIn(this.mvc, manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"home-data-quality\"")))
			.andExpect(content().string(containsString("/data-quality?team=" + manager.id())));
		this.mvc.perform(get("/").with(TestUsers.signIn(this.mvc, executive)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"home-data-quality\"")));
		this.mvc.perform(get("/").with(TestUsers.signIn(this.mvc, this.users.create(Role.REP))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"home-data-quality\""))));
	}

}
