package dev.bellwether.marketing;

import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assignment rules' pages and API, and reassignment from a lead's page: who may keep
 * the rules, the form, the order, the "test a lead" box, the lead's assignment log.
 */
@IntegrationTest
class LeadAssignmentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	UserDirectory directory;

	@Autowired
	Leads leads;

	@Autowired
	LeadAssignmentRules rules;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	@AfterEach
	void noRules() {
		this.jdbc.sql("delete from lead_assignment_rules").update();
	}

	@Test
	void marketingKeepsTheRulesOnTheirPageAndTestsALead() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, marketing);
		String team = "Pages " + UUID.randomUUID().toString().substring(0, 8);
		String username = "rr-" + UUID.randomUUID().toString().substring(0, 12);
		User member = this.directory.create(new UserProfile(username, "Paula Pages", username + "@test.example", "Rep",
				Role.REP, null, team, "North", null), TestUsers.PASSWORD, null);

		this.mvc.perform(get("/leads/assignment-rules").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-rules\"")));
		this.mvc.perform(get("/leads/assignment-rules/new").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(team)));
		this.mvc
			.perform(post("/leads/assignment-rules").with(session)
				.with(csrf())
				.param("name", "")
				.param("action", "ROUND_ROBIN")
				.param("team", team))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Name the rule.")));
		this.mvc
			.perform(post("/leads/assignment-rules").with(session)
				.with(csrf())
				.param("name", "EMEA demo requests")
				.param("active", "true")
				.param("sources", "Web")
				.param("countries", "gb, ie")
				.param("region", "EMEA")
				.param("action", "ROUND_ROBIN")
				.param("team", team))
			.andExpect(redirectedUrl("/leads/assignment-rules"));
		LeadAssignmentRule rule = this.rules.list(TestUsers.viewer(marketing)).get(0);
		assertThat(rule.countries()).containsExactly("GB", "IE");
		this.mvc
			.perform(post("/leads/assignment-rules").with(session)
				.with(csrf())
				.param("name", "Everyone else")
				.param("active", "true")
				.param("action", "USER")
				.param("assigneeId", member.id().toString()))
			.andExpect(status().is3xxRedirection());

		this.mvc
			.perform(get("/leads/assignment-rules").param("testSource", "Web").param("testCountry", "GB").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("EMEA demo requests")))
			.andExpect(content().string(containsString("Paula Pages")))
			.andExpect(content().string(containsString("id=\"test-result\"")));
		this.mvc.perform(get("/leads/assignment-rules/" + rule.id() + "/edit").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("GB, IE")));
		this.mvc
			.perform(post("/leads/assignment-rules/" + rule.id() + "/move").with(session)
				.with(csrf())
				.param("direction", "down"))
			.andExpect(redirectedUrl("/leads/assignment-rules#move-down-" + rule.id()));
		assertThat(this.rules.list(TestUsers.viewer(marketing))).extracting(LeadAssignmentRule::name)
			.containsExactly("Everyone else", "EMEA demo requests");

		this.mvc
			.perform(post("/api/v1/lead-assignment-rules/test").with(TestUsers.basic(marketing))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"source\": \"Web\", \"country\": \"GB\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ruleName").value("Everyone else"))
			.andExpect(jsonPath("$.ownerId").value(member.id().toString()));
	}

	@Test
	void aRepCantKeepTheRulesButReassignsTheirLeadByThem() throws Exception {
		User rep = this.users.create(Role.REP);
		Viewer repViewer = TestUsers.viewer(rep);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);
		this.mvc.perform(get("/leads/assignment-rules").with(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/lead-assignment-rules").with(TestUsers.basic(rep)))
			.andExpect(status().isForbidden());

		User taker = this.users.create(Role.REP);
		this.rules.create(TestUsers.viewer(this.users.create(Role.ADMIN)), new LeadAssignmentRuleDetails("To the taker",
				true, List.of(), List.of(), null, LeadAssignmentAction.USER, taker.id(), null));
		Lead lead = this.leads.create(repViewer, LeadsTests.lead("Pages " + UUID.randomUUID(), rep.id()));

		this.mvc.perform(get("/leads/" + lead.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reassign-lead\"")));
		this.mvc.perform(post("/leads/" + lead.id() + "/assign").with(session).with(csrf()))
			.andExpect(redirectedUrl("/leads/" + lead.id()));
		assertThat(this.leads.get(TestUsers.viewer(taker), lead.id()).ownerId()).isEqualTo(taker.id());

		this.mvc.perform(get("/leads/" + lead.id() + "/assignments").with(TestUsers.signIn(this.mvc, taker)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<span>To the taker</span>")));
		this.mvc.perform(get("/api/v1/leads/" + lead.id() + "/assignments").with(TestUsers.basic(taker)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].how").value("RULE"))
			.andExpect(jsonPath("$[0].ruleName").value("To the taker"));
		this.mvc.perform(post("/api/v1/leads/" + lead.id() + "/assign").with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound());
	}

}
