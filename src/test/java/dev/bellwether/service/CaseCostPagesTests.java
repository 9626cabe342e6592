package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.internal.capture.UsageRecorder;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * The pages of the cost of service: the case page's "Time and cost" card (its timer, its
 * forms and their inline errors, over htmx and without), the report and the rates'
 * administration, and who may use them.
 */
@IntegrationTest
class CaseCostPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	Cases cases;

	@Autowired
	CaseTime time;

	@Autowired
	UsageRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCasePageLoadsTheCardWhoseFormsLogTimeRunTheTimerAndAddExpenses() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, agent);
		SupportCase c = open(agent);
		String card = "/cases/" + c.id() + "/cost";
		String today = this.time.today().toString();

		this.mvc.perform(get("/cases/" + c.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"" + card + "\"")));
		this.mvc.perform(get(card).header("HX-Request", "true").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"time-empty\"")))
			.andExpect(content().string(containsString("id=\"timer-start\"")))
			.andExpect(content().string(not(containsString("<html"))));

		// the timer
		this.mvc.perform(post(card + "/timer/start").header("HX-Request", "true").with(session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Timer running")))
			.andExpect(content().string(containsString("id=\"timer-stop\"")));
		this.mvc.perform(get(card + "/timer").header("HX-Request", "true").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"timer-elapsed\"")));
		this.mvc.perform(post(card + "/timer/stop").header("HX-Request", "true").with(session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Timer stopped")))
			.andExpect(content().string(containsString("id=\"timer-start\"")));

		// bad input shows next to the field
		this.mvc
			.perform(post(card + "/time").header("HX-Request", "true")
				.with(session)
				.with(csrf())
				.param("timeDate", today)
				.param("minutes", "1441"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"minutes-error\"")))
			.andExpect(content().string(containsString("at most 1,440 minutes")));
		this.mvc
			.perform(post(card + "/time").header("HX-Request", "true")
				.with(session)
				.with(csrf())
				.param("timeDate", this.time.today().plusDays(1).toString())
				.param("minutes", "30"))
			.andExpect(content().string(containsString("id=\"timeDate-error\"")))
			.andExpect(content().string(containsString("can&#39;t be in the future")));
		this.mvc
			.perform(post(card + "/expenses").header("HX-Request", "true")
				.with(session)
				.with(csrf())
				.param("expenseDate", today)
				.param("amount", "abc")
				.param("description", "Taxi")
				.param("category", "TRAVEL"))
			.andExpect(content().string(containsString("id=\"amount-error\"")));

		// good input: the card again with the entry and the cost
		this.mvc
			.perform(post(card + "/time").header("HX-Request", "true")
				.with(session)
				.with(csrf())
				.param("timeDate", today)
				.param("minutes", "90")
				.param("note", "Rebuilt the index"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Time logged.")))
			.andExpect(content().string(containsString("Rebuilt the index")))
			.andExpect(content().string(containsString("1 h 31 min")));
		this.mvc
			.perform(post(card + "/expenses").with(session)
				.with(csrf())
				.param("expenseDate", today)
				.param("amount", "48.20")
				.param("description", "Courier")
				.param("category", "SHIPPING"))
			.andExpect(redirectedUrl(card));
		this.mvc.perform(get(card).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("Courier")))
			.andExpect(content().string(containsString("48.20")));

		// changing an entry against a stale version says so on the entry
		CaseTimeEntry entry = this.time.list(TestUsers.viewer(agent), c.id())
			.stream()
			.filter(e -> e.minutes() == 90)
			.findFirst()
			.orElseThrow();
		this.mvc
			.perform(post(card + "/time/" + entry.id()).header("HX-Request", "true")
				.with(session)
				.with(csrf())
				.param("date", today)
				.param("minutes", "0")
				.param("version", String.valueOf(entry.version())))
			.andExpect(content().string(containsString("Log at least 1 minute.")));
		this.mvc
			.perform(post(card + "/time/" + entry.id()).header("HX-Request", "true")
				.with(session)
				.with(csrf())
				.param("date", today)
				.param("minutes", "60")
				.param("version", String.valueOf(entry.version() + 5)))
			.andExpect(content().string(containsString("changed by someone else")));
		this.mvc
			.perform(post(card + "/time/" + entry.id()).header("HX-Request", "true")
				.with(session)
				.with(csrf())
				.param("date", today)
				.param("minutes", "60")
				.param("version", String.valueOf(entry.version())))
			.andExpect(content().string(containsString("Time entry changed.")));
	}

	@Test
	void theAccountsSalesOwnerReadsTheCardWithoutFormsAndOthersGet404() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		User rep = this.users.create(Role.REP);
		var account = this.customers.account(rep, "Card " + TestCustomers.tag(), null);
		SupportCase c = this.cases.open(TestUsers.viewer(agent), new CaseDetails("Card " + TestCustomers.tag(), null,
				account.id(), null, null, null, null, agent.id(), null, null, null));
		String card = "/cases/" + c.id() + "/cost";

		this.mvc.perform(get(card).header("HX-Request", "true").with(TestUsers.signIn(this.mvc, rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Time and cost")))
			.andExpect(content().string(not(containsString("id=\"time-form\""))))
			.andExpect(content().string(not(containsString("id=\"timer-start\""))));
		RequestPostProcessor stranger = TestUsers.signIn(this.mvc, this.users.create(Role.REP));
		this.mvc.perform(get(card).header("HX-Request", "true").with(stranger)).andExpect(status().isNotFound());
		this.mvc.perform(post(card + "/timer/start").with(stranger).with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(get("/cases/" + UUID.randomUUID() + "/cost").with(stranger)).andExpect(status().isNotFound());
	}

	@Test
	void theReportShowsTheFiguresWithTheirDefinitionsAndCountsAsAReportView() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User agent = this.users.create(Role.SERVICE, manager.id());
		User rep = this.users.create(Role.REP);
		var account = this.customers.account(rep, "Reported " + TestCustomers.tag(), null);
		SupportCase c = this.cases.open(TestUsers.viewer(agent), new CaseDetails("Report " + TestCustomers.tag(), null,
				account.id(), null, null, null, null, agent.id(), null, null, null));
		this.time.log(TestUsers.viewer(agent), c.id(), new TimeEntryDetails(LocalDate.parse("2025-03-03"), 75, null));
		RequestPostProcessor session = TestUsers.signIn(this.mvc, manager);

		this.mvc.perform(get("/cases/cost").param("from", "2025-03-01").param("to", "2025-03-31").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(account.name())))
			.andExpect(content().string(containsString("Won revenue")))
			.andExpect(content().string(containsString("id=\"cost-definitions\"")))
			.andExpect(content().string(containsString("1 h 15 min")));
		this.mvc
			.perform(get("/cases/cost").param("from", "2025-03-01")
				.param("to", "2025-04-30")
				.param("by", "month")
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2025-04")));
		this.mvc.perform(get("/cases/cost").param("from", "2024-01-01").param("to", "2024-01-31").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"cost-empty\"")));
		this.mvc.perform(get("/cases/cost").param("by", "galaxy").with(session)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/cases/cost").with(TestUsers.signIn(this.mvc, rep))).andExpect(status().isForbidden());
		this.recorder.flush();
		assertThat(this.jdbc.sql(
				"select count(*) from usage_events where user_id = :id and kind = 'REPORT_VIEW' and module = 'service'")
			.param("id", manager.id())
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void administratorsKeepTheRatesAndNobodyElseSeesThePage() throws Exception {
		RequestPostProcessor admin = TestUsers.signIn(this.mvc, this.users.create(Role.ADMIN));
		this.mvc.perform(get("/admin/service-cost-rates").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"rate-form\"")));
		this.mvc
			.perform(post("/admin/service-cost-rates").with(admin)
				.with(csrf())
				.param("role", "MARKETING")
				.param("hourlyRate", "-3")
				.param("effectiveFrom", "2025-01-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"hourlyRate-error\"")));
		this.mvc
			.perform(post("/admin/service-cost-rates").with(admin)
				.with(csrf())
				.param("role", "MARKETING")
				.param("hourlyRate", "55.25")
				.param("effectiveFrom", "2025-01-01"))
			.andExpect(redirectedUrl("/admin/service-cost-rates"));
		this.mvc.perform(get("/admin/service-cost-rates").with(admin))
			.andExpect(content().string(containsString("55.25")));
		assertThat(this.jdbc
			.sql("select hourly_rate from service_cost_rates where role = 'MARKETING'"
					+ " and effective_from = date '2025-01-01'")
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("55.25");
		for (Role role : new Role[] { Role.SERVICE, Role.MANAGER, Role.EXECUTIVE }) {
			this.mvc.perform(get("/admin/service-cost-rates").with(TestUsers.signIn(this.mvc, this.users.create(role))))
				.andExpect(status().isForbidden());
		}
	}

	private SupportCase open(User owner) {
		return this.cases.open(TestUsers.viewer(owner), new CaseDetails("Carded " + TestCustomers.tag(), null, null,
				null, null, null, null, owner.id(), null, null, null));
	}

}
