package dev.bellwether.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home pages' figures against sums made here over each test's own deals: won this
 * quarter like for like, the deals of deactivated owners, the team's stale and overdue
 * deals each once, and the counters of "my day" after a one-click update.
 */
@IntegrationTest
class HomeFiguresTests {

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	static final UUID WON = UUID.fromString("01900000-0000-7000-8000-000000000006");

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDirectory directory;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	User manager;

	User rep;

	LocalDate today;

	@BeforeEach
	void team() {
		this.manager = this.users.create(Role.MANAGER);
		this.rep = this.users.create(Role.REP, this.manager.id());
		this.today = this.calendar.today();
	}

	@Test
	void wonThisQuarterIsComparedWithLastQuarterUpToTheSamePoint() throws Exception {
		FiscalCalendar.Period quarter = this.calendar.quarterOf(this.today);
		FiscalCalendar.Period last = this.calendar.quarterOf(quarter.start().minusDays(1));
		deal(this.rep, "Won early this quarter", WON, "300", quarter.start());
		deal(this.rep, "Won early last quarter", WON, "200", last.start());
		deal(this.rep, "Won at the end of last quarter", WON, "5000", last.end());
		deal(this.rep, "Still open", PROPOSAL, "999", this.today.plusDays(20));
		// the same point of last quarter, counted here: as many days in as today is
		LocalDate samePoint = last.start().plusDays(ChronoUnit.DAYS.between(quarter.start(), this.today));
		BigDecimal before = new BigDecimal("200")
			.add(last.end().isAfter(samePoint) ? BigDecimal.ZERO : new BigDecimal("5000"));
		int change = new BigDecimal("300").subtract(before)
			.multiply(BigDecimal.valueOf(100))
			.divide(before, 0, RoundingMode.HALF_UP)
			.intValueExact();

		this.mvc.perform(get("/").with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString((change >= 0 ? "+" : "") + change + "% vs same point last quarter"),
						containsString("USD 300<"), containsString("USD 5,200<"), containsString("Won last quarter"),
						not(containsString("% vs last quarter")))));
	}

	@Test
	void openDealsOfADeactivatedRepWaitForANewOwnerAndStillCountInThePipeline() throws Exception {
		User leaver = this.users.create(Role.REP, this.manager.id());
		Opportunity mine = deal(this.rep, "Kept", PROPOSAL, "1000", this.today.plusDays(30));
		Opportunity left = deal(leaver, "Left behind", PROPOSAL, "40000", this.today.plusDays(30));
		deal(leaver, "Also left", PROPOSAL, "2500", this.today.plusDays(40));
		this.directory.deactivate(leaver.id(), this.manager.id());
		User salesAdmin = this.users.create(Role.SALES_ADMIN);
		User executive = this.users.create(Role.EXECUTIVE);

		// the manager: their organisation's orphaned deals, and the open pipeline of all
		// three deals (1,000 + 40,000 + 2,500)
		this.mvc.perform(get("/").with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Deals that need a new owner"),
					containsString("id=\"orphaned-" + left.id() + "\""),
					containsString("/opportunities/" + left.id() + "/edit"),
					containsString("2 open deals · USD 42,500"), containsString("USD 43,500"),
					containsString("3 open deals"), not(containsString("id=\"orphaned-" + mine.id() + "\"")))));
		// a sales administrator: on the team and the company view
		RequestPostProcessor admin = TestUsers.signIn(this.mvc, salesAdmin);
		this.mvc.perform(get("/").param("view", "team").param("team", this.manager.id().toString()).with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"orphaned-" + left.id() + "\"")));
		this.mvc.perform(get("/").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"orphaned-deals\"")));
		// an executive cannot give deals a new owner: not on the company view
		this.mvc.perform(get("/").with(TestUsers.signIn(this.mvc, executive)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"orphaned-deals\""))));
	}

	@Test
	void theTeamListsADealBothStaleAndOverdueOnce() throws Exception {
		Opportunity both = deal(this.rep, "Stale and overdue", PROPOSAL, "7000", this.today.minusDays(5));
		this.jdbc.sql("update opportunities set last_touched_at = last_touched_at - interval '90 days' where id = :id")
			.param("id", both.id())
			.update();

		String page = this.mvc.perform(get("/").with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(occurrences(page, both.name())).isEqualTo(1);
		assertThat(page).contains("All 1 stale", "all 1 overdue");
	}

	@Test
	void aOneClickUpdateRefreshesTheCountersOfMyDay() throws Exception {
		Opportunity overdue = deal(this.rep, "Slipped", PROPOSAL, "8000", this.today.minusDays(3));
		deal(this.rep, "On time", PROPOSAL, "8000", this.today.plusDays(60));
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);
		String before = this.mvc.perform(get("/").with(session)).andReturn().getResponse().getContentAsString();
		assertThat(counter(before, "count-overdue")).isEqualTo(1);
		assertThat(before).contains("hx-get=\"/home/counters\"", "tasks-changed from:body", "deals-changed from:body");

		this.mvc
			.perform(post("/home/deals/{id}", overdue.id()).param("version", String.valueOf(overdue.version()))
				.param("stageId", PROPOSAL.toString())
				.param("closeDate", this.today.plusDays(14).toString())
				.header("HX-Request", "true")
				.with(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Trigger", "deals-changed"));

		String counters = this.mvc.perform(get("/home/counters").header("HX-Request", "true").with(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(counter(counters, "count-overdue")).isZero();
		assertThat(counter(counters, "count-stale")).isZero();
	}

	private static int counter(String html, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>(\\d+)<").matcher(html);
		assertThat(matcher.find()).as("counter %s in the page", id).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private Opportunity deal(User owner, String name, UUID stage, String amount, LocalDate closeDate) {
		Viewer viewer = TestUsers.viewer(owner);
		Account account = this.accounts.create(viewer, new AccountDetails("Home Co " + UUID.randomUUID(), null, null,
				null, null, null, null, null, null, null, null, null, owner.id(), null));
		return this.opportunities.create(viewer,
				new OpportunityDetails(name + " " + UUID.randomUUID().toString().substring(0, 6), account.id(), null,
						owner.id(), stage, new BigDecimal(amount), false, closeDate, null, null, null, null, null,
						null));
	}

}
