package dev.bellwether.service;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service home page and the executive service view on the whole application: where a
 * service user lands, what each page shows (its own cases, empty states), who is refused,
 * the API's JSON and its errors, the drill-down filters of the cases list.
 */
@IntegrationTest
class ServiceHomePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Cases cases;

	@Test
	void aServiceUserLandsOnTheServiceHomePageWithTheirOwnCases() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, agent);

		this.mvc.perform(get("/").with(session)).andExpect(redirectedUrl("/service"));
		this.mvc.perform(get("/service").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-my-cases\"")))
			.andExpect(content().string(containsString("id=\"next-case\"")))
			.andExpect(content().string(not(containsString("id=\"home-overview\""))));

		SupportCase mine = this.cases.open(TestUsers.viewer(agent),
				new CaseDetails("Home page case " + TestCustomers.tag(), null, null, null, null, CasePriority.HIGH,
						CaseChannel.PHONE, agent.id(), null, "pat." + TestCustomers.tag() + "@example.com", "Pat"));
		this.mvc.perform(get("/service").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"my-cases\"")))
			.andExpect(content().string(containsString(mine.subject())));
	}

	@Test
	void executivesSeeBothPagesRepsAndPlainAgentsAreRefusedTheOverview() throws Exception {
		RequestPostProcessor executive = TestUsers.signIn(this.mvc, this.users.create(Role.EXECUTIVE));
		this.mvc.perform(get("/service").with(executive))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"home-overview\"")));
		this.mvc.perform(get("/service/overview").with(executive))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sla-first-response-percent\"")))
			.andExpect(content().string(containsString("id=\"overview-backlog-table\"")))
			.andExpect(content().string(containsString("id=\"overview-cost-per-case\"")))
			.andExpect(content().string(containsString("href=\"/cases/cost?from=")))
			.andExpect(content().string(containsString("id=\"overview-cross-sell\"")));
		this.mvc.perform(get("/").param("view", "company").with(executive))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"home-service-overview\"")));

		RequestPostProcessor rep = TestUsers.signIn(this.mvc, this.users.create(Role.REP));
		this.mvc.perform(get("/service").with(rep)).andExpect(status().isForbidden());
		this.mvc.perform(get("/service/overview").with(rep)).andExpect(status().isForbidden());
		RequestPostProcessor agent = TestUsers.signIn(this.mvc, this.users.create(Role.SERVICE));
		this.mvc.perform(get("/service/overview").with(agent)).andExpect(status().isForbidden());
	}

	@Test
	void theApiAnswersTheSameFiguresAsJsonAndNamesABadPeriod() throws Exception {
		RequestPostProcessor executive = TestUsers.basic(this.users.create(Role.EXECUTIVE));
		this.mvc.perform(
				get("/api/v1/service/overview").param("from", "2026-01-01").param("to", "2026-03-31").with(executive))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2026-01-01"))
			.andExpect(jsonPath("$.to").value("2026-03-31"))
			.andExpect(jsonPath("$.firstResponse.metric").value("FIRST_RESPONSE"))
			.andExpect(jsonPath("$.resolution.met").isNumber())
			.andExpect(jsonPath("$.backlog.byAge.length()").value(5))
			.andExpect(jsonPath("$.backlog.byAge[4].label").value("Over 30 days"))
			.andExpect(jsonPath("$.months.length()").value(3))
			.andExpect(jsonPath("$.months[0].month").value("2026-01"))
			.andExpect(jsonPath("$.satisfaction.answered").isNumber())
			.andExpect(jsonPath("$.costPerCase.link").value("/cases/cost?from=2026-01-01&to=2026-03-31"))
			.andExpect(jsonPath("$.crossSellRevenue.amount").isNumber());
		this.mvc.perform(
				get("/api/v1/service/overview").param("from", "2026-03-01").param("to", "2026-01-01").with(executive))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\"to\"")));
		RequestPostProcessor rep = TestUsers.basic(this.users.create(Role.REP));
		this.mvc.perform(get("/api/v1/service/overview").with(rep)).andExpect(status().isForbidden());
	}

	@Test
	void theCasesListTakesTheDrillDownFiltersAndNamesABadOne() throws Exception {
		RequestPostProcessor agent = TestUsers.signIn(this.mvc, this.users.create(Role.SERVICE));
		this.mvc
			.perform(get("/cases").param("sla", "breached")
				.param("slaMetric", "first-response")
				.param("slaFrom", "2026-01-01")
				.param("slaTo", "2026-12-31")
				.param("createdFrom", "2025-01-01")
				.param("ageFrom", "1")
				.param("ageTo", "3")
				.with(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"case-drill\"")))
			.andExpect(content().string(containsString("name=\"slaMetric\" value=\"first-response\"")));
		this.mvc.perform(get("/cases").param("ageFrom", "soon").with(agent)).andExpect(status().isBadRequest());
	}

}
