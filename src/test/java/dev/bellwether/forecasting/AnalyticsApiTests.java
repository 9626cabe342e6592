package dev.bellwether.forecasting;

import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.bellwether.forecasting.ForecastingFixtures.LOST;
import static dev.bellwether.forecasting.ForecastingFixtures.PROPOSAL;
import static dev.bellwether.forecasting.ForecastingFixtures.WON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The analytics API and pages, scoped like the deals: a rep sees their own, a manager
 * their organisation and never above; a malformed period is a 400 naming the forms;
 * viewing the page is a report view.
 */
@IntegrationTest
class AnalyticsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.bellwether.adoption.internal.capture.UsageRecorder recorder;

	ForecastingFixtures fixtures;

	User top;

	User manager;

	User rep;

	User other;

	@BeforeEach
	void fixture() {
		this.fixtures = new ForecastingFixtures(this.testUsers, this.accounts, this.opportunities, "Analytics API");
		this.top = this.fixtures.person(Role.MANAGER, null);
		this.manager = this.fixtures.person(Role.MANAGER, this.top);
		this.rep = this.fixtures.person(Role.REP, this.manager);
		this.other = this.fixtures.person(Role.REP, this.manager);
		// today is 2026-06-17: both close in 2026-Q2
		closed(this.rep, "1000.00", WON, null);
		closed(this.other, "3000.00", LOST, "No budget this year");
	}

	@Test
	void winRatesOfAManagersOrganisationPerOwner() throws Exception {
		this.mvc
			.perform(get("/api/v1/analytics/win-rates").param("period", "2026-Q2").with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period.code").value("2026-Q2"))
			.andExpect(jsonPath("$.managerId").value(this.manager.id().toString()))
			.andExpect(jsonPath("$.total.won").value(1))
			.andExpect(jsonPath("$.total.lost").value(1))
			.andExpect(jsonPath("$.total.winRate").value(0.5))
			.andExpect(jsonPath("$.total.valueWinRate").value(0.25))
			.andExpect(jsonPath("$.total.averageDealSize").value(1000.00))
			.andExpect(jsonPath("$.owners.length()").value(2))
			.andExpect(jsonPath("$.trend.length()").value(8))
			.andExpect(jsonPath("$.trend[7].period.code").value("2026-Q2"));
		this.mvc
			.perform(
					get("/api/v1/analytics/loss-reasons").param("period", "FY2026").with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reasons[0].label").value("No budget this year"))
			.andExpect(jsonPath("$.reasons[0].amount").value(3000.00))
			.andExpect(jsonPath("$.lostAt[0].stageId").value(PROPOSAL.toString()));
		this.mvc.perform(get("/api/v1/analytics/funnel").param("period", "2026-Q2").with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deals").value(2))
			.andExpect(jsonPath("$.steps[-1:].stage").value("Won"));
		this.mvc
			.perform(get("/api/v1/analytics/velocity").param("period", "2026-Q2").with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.velocity.openDeals").value(0))
			.andExpect(jsonPath("$.velocity.winRate").value(0.5))
			.andExpect(jsonPath("$.velocity.days").value(91));
	}

	@Test
	void aRepSeesTheirOwnAndNobodyLooksAboveThemselves() throws Exception {
		this.mvc.perform(get("/api/v1/analytics/win-rates").param("period", "2026-Q2").with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total.won").value(1))
			.andExpect(jsonPath("$.total.lost").value(0))
			.andExpect(jsonPath("$.owners.length()").value(1));
		this.mvc
			.perform(get("/api/v1/analytics/win-rates").param("manager", this.manager.id().toString())
				.with(TestUsers.basic(this.rep)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/analytics/funnel").param("manager", this.top.id().toString())
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/analytics").param("manager", this.top.id().toString())
				.with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aMalformedPeriodIsA400NamingTheForms() throws Exception {
		for (String path : new String[] { "win-rates", "funnel", "velocity", "loss-reasons" }) {
			this.mvc
				.perform(get("/api/v1/analytics/" + path).param("period", "2026-Q5").with(TestUsers.basic(this.rep)))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("2026-Q4")))
				.andExpect(content().string(containsString("FY2026")));
		}
	}

	@Test
	void thePageAndItsDrillListsAreReportViews() throws Exception {
		var session = TestUsers.signIn(this.mvc, this.manager);
		this.mvc.perform(get("/analytics").param("period", "2026-Q2").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"nav-analytics\"")))
			.andExpect(content().string(containsString("figure=won")))
			.andExpect(content().string(containsString("No budget this year")));
		this.mvc.perform(get("/analytics/deals").param("period", "2026-Q2").param("figure", "lost").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No budget this year")))
			.andExpect(content().string(containsString("1 deal")));
		this.mvc.perform(get("/analytics/deals").param("figure", "bogus").with(session))
			.andExpect(status().isBadRequest());
		this.recorder.flush();
		assertThat(this.jdbc.sql(
				"select count(*) from usage_events where user_id = :id and kind = 'REPORT_VIEW' and module = 'forecasting'")
			.param("id", this.manager.id())
			.query(Long.class)
			.single()).isEqualTo(2);
		// a rep has no nav entry, but their own analytics
		var repSession = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/analytics").with(repSession))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"nav-analytics\""))));
	}

	@Test
	void theTablesExportFormulaSafeAsCsvAndAsAWorkbook() throws Exception {
		this.jdbc.sql("update users set full_name = '=HYPERLINK(\"http://evil.example\")' where id = :id")
			.param("id", this.rep.id())
			.update();
		this.mvc
			.perform(get("/api/v1/analytics/export").param("period", "2026-Q2")
				.param("table", "owners")
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Disposition", containsString("analytics-2026-Q2-owners.csv")))
			.andExpect(content().string(containsString("Owner,Won,Lost,Won amount")))
			.andExpect(content().string(containsString("'=HYPERLINK")))
			.andExpect(content().string(containsString(",1,0,1000.00,0,100.0,100.0,1000.00,")));
		byte[] xlsx = this.mvc
			.perform(get("/analytics/export").param("period", "2026-Q2")
				.param("format", "xlsx")
				.with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
		this.mvc.perform(get("/api/v1/analytics/export").param("table", "bogus").with(TestUsers.basic(this.manager)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("lost-at")));
		this.mvc
			.perform(get("/api/v1/analytics/export").param("manager", this.top.id().toString())
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isForbidden());
		this.recorder.flush();
		assertThat(this.jdbc
			.sql("select count(*) from usage_events where user_id = :id and kind = 'EXPORT' and module = 'forecasting'")
			.param("id", this.manager.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private void closed(User owner, String amount, UUID stage, String reason) {
		Opportunity deal = this.fixtures.deal(owner, PROPOSAL, amount, LocalDate.of(2026, 6, 30));
		this.opportunities.changeStage(TestUsers.viewer(owner), deal.id(), stage, deal.version(), reason);
	}

}
