package dev.bellwether.adoption.internal.scores;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.AdoptionScores;
import dev.bellwether.adoption.Score;
import dev.bellwether.adoption.Score.PeriodKind;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The nightly job scores the month in progress to date (up to yesterday, against the
 * working days elapsed), stores how much it measured, and the page, the API and the
 * export show exactly that, labelled partial (docs/adoption-metrics.md, "Partial
 * periods").
 */
@IntegrationTest
class ScoreJobTests {

	@Autowired
	AdoptionScores scores;

	@Autowired
	AdoptionMetrics metrics;

	@Autowired
	ScoreJob job;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void theJobStoresTheMonthToDateThatThePagesShow() throws Exception {
		LocalDate today = this.metrics.today();
		AdoptionScores.Period month = this.scores.period(PeriodKind.MONTH, today);
		User everyDay = this.users.create(Role.REP);
		User todayOnly = this.users.create(Role.REP);
		backdateProvisioning(everyDay, month.start().minusMonths(1));
		backdateProvisioning(todayOnly, month.start().minusMonths(1));
		// counted by hand: the month's weekdays before today, and in all
		int elapsed = 0;
		int workingDays = 0;
		for (LocalDate day = month.start(); !day.isAfter(month.end()); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				workingDays++;
				if (day.isBefore(today)) {
					elapsed++;
					usage(everyDay.id(), day, true);
				}
			}
		}
		assertThat(elapsed).as("the test clock starts mid-month").isPositive();
		usage(everyDay.id(), today, true);
		usage(todayOnly.id(), today, true);

		this.job.run(today);

		LocalDate yesterday = today.minusDays(1);
		assertThat(this.jdbc.sql(
				"select measured_through from adoption_scores where user_id = :user and period_kind = 'MONTH' and period_start = :start")
			.param("user", everyDay.id())
			.param("start", month.start())
			.query(LocalDate.class)
			.single()).isEqualTo(yesterday);
		Score stored = this.scores.scores(AdoptionScope.user(everyDay.id()), month).get(0);
		assertThat(stored.partial()).isTrue();
		assertThat(stored.measuredThrough()).isEqualTo(yesterday);
		assertThat(stored.elapsedWorkingDays()).isEqualTo(elapsed);
		assertThat(stored.workingDays()).isEqualTo(workingDays);
		// every working day so far and a dashboard every week: full activity and
		// reporting, like a whole month of such use; 2 of the 7 key features
		assertThat(stored.component("activity")).isEqualTo(1.0);
		assertThat(stored.component("reporting")).isEqualTo(1.0);
		// (40 × 1 + 20 × 2/7 + 10 × 1) ÷ 70 = 0.7959… → 80
		assertThat(stored.score()).isEqualTo(80);
		// today is not over: it does not count yet
		Score notYet = this.scores.scores(AdoptionScope.user(todayOnly.id()), month).get(0);
		assertThat(notYet.component("activity")).isZero();

		String label = "Month to date: " + elapsed + " of " + workingDays + " working days";
		assertThat(this.mvc.perform(get("/adoption/scores").with(TestUsers.signIn(this.mvc, everyDay)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains(label)
			.contains(elapsed + " of " + workingDays + " days")
			.doesNotContain("Too early to score");
		this.mvc.perform(get("/api/v1/adoption/scores").with(TestUsers.basic(everyDay)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SCORED"))
			.andExpect(jsonPath("$.measuredThrough").value(yesterday.toString()))
			.andExpect(jsonPath("$.scores.length()").value(1))
			.andExpect(jsonPath("$.scores[0].score").value(80))
			.andExpect(jsonPath("$.scores[0].partial").value(true))
			.andExpect(jsonPath("$.scores[0].measuredThrough").value(yesterday.toString()))
			.andExpect(jsonPath("$.scores[0].elapsedWorkingDays").value(elapsed))
			.andExpect(jsonPath("$.scores[0].workingDays").value(workingDays));
		List<String> csv = this.mvc.perform(get("/adoption/scores.csv").with(TestUsers.signIn(this.mvc, everyDay)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.toList();
		assertThat(csv.get(0)).endsWith("Partial,Measured through,Elapsed working days,Working days");
		String counts = ",true," + yesterday + "," + elapsed + "," + workingDays;
		assertThat(csv).anySatisfy(row -> assertThat(row).startsWith(everyDay.fullName() + ",").endsWith(counts));
	}

	@Test
	void nothingIsStoredBeforeAPeriodsFirstWorkingDayHasEnded() {
		// August 2026 starts on a Saturday: scored on Monday the 3rd, nothing is measured
		AdoptionScores.Period august = this.scores.period(PeriodKind.MONTH, LocalDate.of(2026, 8, 1));
		assertThat(this.scores.measured(august, LocalDate.of(2026, 8, 3)).tooEarly()).isTrue();
		assertThat(this.scores.computeToday(august, LocalDate.of(2026, 8, 3))).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from adoption_scores where period_kind = 'MONTH' and period_start = :start")
			.param("start", august.start())
			.query(Long.class)
			.single()).isZero();
	}

	private void usage(UUID userId, LocalDate day, boolean dashboard) {
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, views, dashboard_views, actions, features)
				values (:user, :day, true, 2, :dashboards, 2, :features::text[]) on conflict do nothing
				""")
			.param("user", userId)
			.param("day", day)
			.param("dashboards", dashboard ? 1 : 0)
			.param("features", dashboard ? "{sales:VIEW,home:DASHBOARD_VIEW}" : "{sales:VIEW}")
			.update();
	}

	private void backdateProvisioning(User user, LocalDate day) {
		this.jdbc.sql("update users set provisioned_at = :at where id = :id")
			.param("at", day.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
			.param("id", user.id())
			.update();
	}

}
