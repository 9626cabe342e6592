package dev.bellwether.home;

import java.time.OffsetDateTime;
import java.time.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class HomePagesTests {

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	static final UUID NEGOTIATION = UUID.fromString("01900000-0000-7000-8000-000000000005");

	static final UUID WON = UUID.fromString("01900000-0000-7000-8000-000000000006");

	@Autowired
	Opportunities opportunities;

	@Autowired
	Clock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	User manager;

	User rep;

	User otherRep;

	Opportunity closingSoon;

	Opportunity stale;

	Opportunity overdue;

	Opportunity othersDeal;

	@BeforeEach
	void deals() {
		this.manager = this.users.create(Role.MANAGER);
		this.rep = this.users.create(Role.REP, this.manager.id());
		this.otherRep = this.users.create(Role.REP);
		LocalDate today = LocalDate.now(this.clock);
		LocalDate thisMonth = today.getDayOfMonth() < today.lengthOfMonth() ? today.plusDays(1) : today;
		this.closingSoon = deal(this.rep, "Closing soon", PROPOSAL, "12000", thisMonth);
		this.stale = deal(this.rep, "Gone quiet", PROPOSAL, "30000", today.plusMonths(3));
		this.jdbc.sql("update opportunities set last_touched_at = :then where id = :id")
			.param("then", OffsetDateTime.now(this.clock).minusDays(45))
			.param("id", this.stale.id())
			.update();
		this.overdue = deal(this.rep, "Slipped", NEGOTIATION, "8000", today.minusDays(3));
		this.othersDeal = deal(this.otherRep, "Not yours", PROPOSAL, "50000", thisMonth);
	}

	@Test
	void aRepsDayShowsTheirClosingStaleAndOverdueDealsOnly() throws Exception {
		this.mvc.perform(get("/").with(TestUsers.signIn(this.mvc, this.rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("My deals closing this month"),
					containsString(this.closingSoon.name()), containsString("id=\"deal-" + this.stale.id() + "\""),
					containsString("id=\"deal-" + this.overdue.id() + "\""))))
			.andExpect(content().string(not(containsString("id=\"deal-" + this.closingSoon.id() + "\""))))
			.andExpect(content().string(not(containsString(this.othersDeal.name()))))
			.andExpect(content().string(not(containsString("home-tab-team"))));
	}

	@Test
	void aRepCannotOpenTheCompanyView() throws Exception {
		this.mvc.perform(get("/").param("view", "company").with(TestUsers.signIn(this.mvc, this.rep)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void oneClickUpdateMakesAStaleOverdueDealFreshAndOnTime() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);
		LocalDate newClose = LocalDate.now(this.clock).plusDays(30);

		this.mvc
			.perform(
					post("/home/deals/{id}", this.overdue.id()).param("version", String.valueOf(this.overdue.version()))
						.param("stageId", NEGOTIATION.toString())
						.param("closeDate", newClose.toString())
						.param("nextStep", "Call the CFO on Monday")
						.header("HX-Request", "true")
						.with(session)
						.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("saved"), not(containsString(">overdue<")))));

		Opportunity updated = this.opportunities.get(TestUsers.viewer(this.rep), this.overdue.id());
		assertThat(updated.closeDate()).isEqualTo(newClose);
		assertThat(updated.nextStep()).isEqualTo("Call the CFO on Monday");
		assertThat(updated.overdue()).isFalse();
		assertThat(updated.lastTouchedAt()).isAfter(this.clock.instant().minus(1, ChronoUnit.MINUTES));
	}

	@Test
	void oneClickUpdateRefusesAStaleVersionAndABadDate() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);
		this.opportunities.update(TestUsers.viewer(this.manager), this.stale.id(), this.stale.version(),
				this.stale.details());

		this.mvc
			.perform(post("/home/deals/{id}", this.stale.id()).param("version", String.valueOf(this.stale.version()))
				.param("closeDate", LocalDate.now(this.clock).plusDays(10).toString())
				.header("HX-Request", "true")
				.with(session)
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else changed this deal")));
		this.mvc
			.perform(
					post("/home/deals/{id}", this.overdue.id()).param("version", String.valueOf(this.overdue.version()))
						.param("closeDate", "next tuesday")
						.header("HX-Request", "true")
						.with(session)
						.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is not a date")));
		this.mvc
			.perform(post("/home/deals/{id}", this.othersDeal.id())
				.param("version", String.valueOf(this.othersDeal.version()))
				.param("closeDate", LocalDate.now(this.clock).toString())
				.header("HX-Request", "true")
				.with(session)
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void aManagerSeesTheTeamWithChartsThatDrillIntoTheDeals() throws Exception {
		this.mvc.perform(get("/").with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Who hasn't touched their deals"),
					containsString(this.rep.fullName()), containsString(this.stale.name()),
					containsString(this.overdue.name()), containsString("id=\"stage-chart\""),
					containsString("/opportunities?status=open&amp;team=" + this.manager.id()),
					containsString("All 1 stale"), containsString("all 1 overdue"))))
			.andExpect(content().string(not(containsString(this.othersDeal.name()))))
			// webjars are still linked with their version, pages as they are
			.andExpect(content().string(
					allOf(containsString("src=\"/webjars/chart.js/4."), not(containsString("/webjars/chart.js/dist/")),
							containsString("href=\"/opportunities?owner=" + this.rep.id() + "&amp;stale=true\""))));
		this.mvc
			.perform(get("/").param("view", "team")
				.param("team", this.otherRep.id().toString())
				.with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aManagersTeamPickerOffersTheManagersOfTheirOwnOrganisationOnly() throws Exception {
		User director = this.users.create(Role.MANAGER);
		User below = this.users.create(Role.MANAGER, director.id());
		this.users.create(Role.REP, below.id());
		User outside = this.users.create(Role.MANAGER);
		this.users.create(Role.REP, outside.id());
		this.users.create(Role.REP, director.id());

		this.mvc.perform(get("/").param("view", "team").with(TestUsers.signIn(this.mvc, director)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("id=\"team-picker\""), containsString("value=\"" + director.id() + "\""),
						containsString("value=\"" + below.id() + "\""), not(containsString(outside.id().toString())))));
		this.mvc
			.perform(get("/").param("view", "team")
				.param("team", below.id().toString())
				.with(TestUsers.signIn(this.mvc, director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(below.fullName() + "&#39;s team")));
		this.mvc
			.perform(get("/").param("view", "team")
				.param("team", outside.id().toString())
				.with(TestUsers.signIn(this.mvc, director)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anExecutiveSeesTheCompanyPipelineAndWhatWasWon() throws Exception {
		User executive = this.users.create(Role.EXECUTIVE);
		Opportunity won = deal(this.otherRep, "Big win", PROPOSAL, "70000", LocalDate.now(this.clock));
		this.opportunities.changeStage(TestUsers.viewer(this.otherRep), won.id(), WON, won.version(), null);

		this.mvc.perform(get("/").with(TestUsers.signIn(this.mvc, executive)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Top open deals"), containsString("Won this quarter"),
					containsString("id=\"won-chart\""), containsString("home-tab-team"),
					containsString("home-tab-day"))));
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
