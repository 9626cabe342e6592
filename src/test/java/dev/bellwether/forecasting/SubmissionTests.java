package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.Opportunities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.bellwether.forecasting.ForecastingFixtures.NEGOTIATION;
import static dev.bellwether.forecasting.ForecastingFixtures.PROSPECTING;
import static dev.bellwether.forecasting.ForecastingFixtures.WON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Submissions ("the call"): what is kept, twice in a minute, who submits and who sees,
 * comparing two, who has not submitted this week; the API and pages.
 */
@IntegrationTest
class SubmissionTests {

	@Autowired
	Submissions submissions;

	@Autowired
	Adjustments adjustments;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ForecastingFixtures fixtures;

	User director;

	User manager;

	User repA;

	User otherManager;

	User outsider;

	@BeforeEach
	void fixture() {
		this.fixtures = new ForecastingFixtures(this.users, this.accounts, this.opportunities, "Call");
		this.director = this.fixtures.person(Role.MANAGER, null);
		this.manager = this.fixtures.person(Role.MANAGER, this.director);
		this.repA = this.fixtures.person(Role.REP, this.manager);
		this.otherManager = this.fixtures.person(Role.MANAGER, this.director);
		this.fixtures.person(Role.REP, this.otherManager);
		this.outsider = this.fixtures.person(Role.MANAGER, null);
		this.fixtures.person(Role.REP, this.outsider);
		LocalDate inQ3 = LocalDate.of(2026, 8, 14);
		this.fixtures.deal(this.repA, WON, "1000.10", inQ3);
		this.fixtures.deal(this.repA, NEGOTIATION, "2000.25", inQ3);
		this.fixtures.deal(this.manager, PROSPECTING, "300.33", inQ3);
	}

	@Test
	void aSubmissionKeepsTheTeamRowGrossAndAdjustedAndTwiceInAMinuteIsOneRow() {
		awaitRoomInThisMinute();
		this.adjustments.adjust(TestUsers.viewer(this.manager), this.repA.id(), "2026-Q3", ForecastCategory.COMMIT,
				new BigDecimal("1500.00"), "Second site unsure", 0);
		Submissions.Submitted first = this.submissions.submit(TestUsers.viewer(this.manager), "2026-Q3");
		Submissions.Submitted again = this.submissions.submit(TestUsers.viewer(this.manager), "2026-Q3");
		assertThat(first.created()).isTrue();
		assertThat(again.created()).as("same minute: nothing written").isFalse();
		assertThat(again.submission().id()).isEqualTo(first.submission().id());
		assertThat(rows(this.manager)).isEqualTo(1);
		Submission s = first.submission();
		// by hand: the manager's team = repA's and the manager's own deals
		assertThat(s.closed()).isEqualByComparingTo("1000.10");
		assertThat(s.commit()).isEqualByComparingTo("2000.25");
		assertThat(s.adjustedCommit()).isEqualByComparingTo("1500.00");
		assertThat(s.pipeline()).isEqualByComparingTo("300.33");
		assertThat(s.adjustedCommitForecast()).isEqualByComparingTo("2500.10");
		assertThat(s.quota()).isNull();
		assertThat(s.week()).isEqualTo(isoWeekByHand(s.submittedAt()));

		// two at once in a new minute: still one row (the unique index, not a check
		// first)
		awaitRoomInThisMinute();
		Viewer viewer = TestUsers.viewer(this.director);
		var a = CompletableFuture.supplyAsync(() -> this.submissions.submit(viewer, "2026-Q3"));
		var b = CompletableFuture.supplyAsync(() -> this.submissions.submit(viewer, "2026-Q3"));
		List<Submissions.Submitted> both = List.of(a.join(), b.join());
		if (both.get(0)
			.submission()
			.submittedAt()
			.truncatedTo(ChronoUnit.MINUTES)
			.equals(both.get(1).submission().submittedAt().truncatedTo(ChronoUnit.MINUTES))) {
			assertThat(rows(this.director)).isEqualTo(1);
			assertThat(both).filteredOn(Submissions.Submitted::created).hasSize(1);
		}
	}

	@Test
	void repsDoNotSubmitAndNobodySeesSubmissionsAboveOrOutside() throws Exception {
		assertThatThrownBy(() -> this.submissions.submit(TestUsers.viewer(this.repA), "2026-Q3"))
			.isInstanceOf(ForbiddenException.class);
		Submission mine = this.submissions.submit(TestUsers.viewer(this.manager), "2026-Q3").submission();
		Submission directors = this.submissions.submit(TestUsers.viewer(this.director), "2026-Q3").submission();
		assertThatThrownBy(() -> this.submissions.list(TestUsers.viewer(this.manager), "2026-Q3", this.director.id()))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.submissions.compare(TestUsers.viewer(this.manager), mine.id(), directors.id()))
			.isInstanceOf(ForbiddenException.class);
		assertThat(this.submissions.list(TestUsers.viewer(this.director), "2026-Q3", null)).extracting(Submission::id)
			.containsExactlyInAnyOrder(mine.id(), directors.id());
		this.mvc.perform(post("/api/v1/forecasts/2026-Q3/submissions").with(TestUsers.basic(this.repA)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("Managers submit")));
		this.mvc
			.perform(get("/api/v1/forecasts/2026-Q3/submissions").param("manager", this.manager.id().toString())
				.with(TestUsers.basic(this.outsider)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/forecasts/2026-Q3/submissions/compare").param("a", mine.id().toString())
				.param("b", UUID.randomUUID().toString())
				.with(TestUsers.basic(this.director)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/forecasts/2026-Q3/submissions").with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].closed").value(1000.10));
	}

	@Test
	void twoSubmissionsCompareFigureByFigureAndTheGridShowsWhoHasNotSubmitted() throws Exception {
		Submission before = this.submissions.submit(TestUsers.viewer(this.manager), "2026-Q3").submission();
		awaitNextMinute();
		this.adjustments.adjust(TestUsers.viewer(this.manager), this.repA.id(), "2026-Q3", ForecastCategory.COMMIT,
				new BigDecimal("1800.00"), "Procurement slow", 0);
		Submission after = this.submissions.submit(TestUsers.viewer(this.manager), "2026-Q3").submission();
		Submissions.Comparison comparison = this.submissions.compare(TestUsers.viewer(this.director), before.id(),
				after.id());
		assertThat(comparison.figures()).filteredOn(d -> d.figure().equals("Adjusted commit"))
			.singleElement()
			.satisfies(d -> assertThat(d.change()).isEqualByComparingTo("-200.25"));
		assertThat(comparison.figures()).filteredOn(d -> d.figure().equals("Commit"))
			.singleElement()
			.satisfies(d -> assertThat(d.change()).isEqualByComparingTo("0"));

		List<Submissions.CallStatus> status = this.submissions.status(TestUsers.viewer(this.director), "2026-Q3", null);
		assertThat(status).extracting(Submissions.CallStatus::userId)
			.containsExactlyInAnyOrder(this.director.id(), this.manager.id(), this.otherManager.id());
		assertThat(status).filteredOn(call -> call.userId().equals(this.manager.id()))
			.singleElement()
			.satisfies(call -> {
				assertThat(call.submittedThisWeek()).isTrue();
				assertThat(call.latest().id()).isEqualTo(after.id());
				assertThat(call.previous().id()).isEqualTo(before.id());
			});
		assertThat(status).filteredOn(call -> !call.submittedThisWeek())
			.extracting(Submissions.CallStatus::userId)
			.containsExactlyInAnyOrder(this.director.id(), this.otherManager.id());

		var session = TestUsers.signIn(this.mvc, this.director);
		this.mvc.perform(get("/forecast").param("period", "2026-Q3").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not submitted this week:")))
			.andExpect(content().string(containsString("call-" + this.manager.id() + "-compare")));
		this.mvc
			.perform(get("/forecast/submissions").param("period", "2026-Q3")
				.param("a", before.id().toString())
				.param("b", after.id().toString())
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("-200.25")));
		this.mvc.perform(post("/forecast/submissions").param("period", "2026-Q3").with(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(rows(this.director)).isEqualTo(1);
	}

	/** The ISO week the simple way, in the test profile's company time zone (UTC). */
	private static String isoWeekByHand(Instant at) {
		LocalDate day = at.atZone(java.time.ZoneOffset.UTC).toLocalDate();
		LocalDate thursday = day.plusDays(4 - day.getDayOfWeek().getValue());
		int week = (thursday.getDayOfYear() - 1) / 7 + 1;
		return "%d-W%02d".formatted(thursday.getYear(), week);
	}

	private int rows(User user) {
		return this.jdbc
			.sql("select count(*) from forecast_submissions where user_id = :id and period_code = '2026-Q3'")
			.param("id", user.id())
			.query(Integer.class)
			.single();
	}

	/**
	 * At least 10 seconds left in this minute of the test clock, else waits for the next.
	 */
	private void awaitRoomInThisMinute() {
		Instant now = this.clock.instant();
		if (Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES)).getSeconds() < 10) {
			awaitNextMinute();
		}
	}

	private void awaitNextMinute() {
		Instant now = this.clock.instant();
		Instant next = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
		try {
			Thread.sleep(Duration.between(now, next).plusMillis(100).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
