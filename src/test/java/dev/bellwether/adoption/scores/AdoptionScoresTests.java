package dev.bellwether.adoption.scores;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.AdoptionScores;
import dev.bellwether.adoption.Score;
import dev.bellwether.adoption.Score.PeriodKind;
import dev.bellwether.adoption.ScoreWeights;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Adoption scores: the published formula, computed for everyone at once, history kept
 * across weight changes, exported as CSV and Excel, scoped like the other figures.
 */
@IntegrationTest
class AdoptionScoresTests {

	@Autowired
	AdoptionScores scores;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void defaultWeights() {
		this.scores.updateWeights(ScoreWeights.DEFAULTS, null);
	}

	@Test
	void theFormulaIsTheWeightedMeanOfTheComponentsThatApply() {
		Map<String, Double> components = new LinkedHashMap<>();
		components.put("activity", 0.5);
		components.put("breadth", 1.0);
		components.put("freshness", null);
		components.put("timeliness", 0.0);
		components.put("reporting", 1.0);
		// (40 × 0.5 + 20 × 1 + 10 × 0 + 10 × 1) ÷ (40 + 20 + 10 + 10) = 50 ÷ 80 = 62.5 →
		// 63
		assertThat(dev.bellwether.adoption.ScoreFormula.score(components, ScoreWeights.DEFAULTS)).isEqualTo(63);
		assertThat(dev.bellwether.adoption.ScoreFormula.score(components, new ScoreWeights(0, 0, 100, 0, 0))).isZero();
		// 2 to 8 November 2026: Monday to Sunday
		assertThat(
				dev.bellwether.adoption.ScoreFormula.businessDays(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8)))
			.isEqualTo(5);
		// 1 to 9 November 2026: a Sunday, a whole week, a Monday
		assertThat(dev.bellwether.adoption.ScoreFormula.businessWeeks(LocalDate.of(2026, 11, 1),
				LocalDate.of(2026, 11, 9)))
			.isEqualTo(2);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new ScoreWeights(0, 0, 0, 0, 0))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("activity"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new ScoreWeights(40, 101, 0, 0, -1))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKeys("breadth", "reporting"));
	}

	@Test
	void computesEveryonesScoreAndKeepsHistoryAcrossWeightChanges() throws Exception {
		User busy = this.users.create(Role.REP);
		User idle = this.users.create(Role.REP);
		AdoptionScores.Period lastMonth = this.scores.period(PeriodKind.MONTH,
				this.calendar.today().withDayOfMonth(1).minusDays(1));
		backdateProvisioning(busy, lastMonth.start().minusMonths(1));
		backdateProvisioning(idle, lastMonth.start().minusMonths(1));
		long businessDays = 0;
		int activeIdleDays = 0;
		for (LocalDate day = lastMonth.start(); !day.isAfter(lastMonth.end()); day = day.plusDays(1)) {
			boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
			if (weekday) {
				businessDays++;
				usage(busy.id(), day,
						day.getDayOfWeek() == DayOfWeek.MONDAY || day.equals(firstWeekday(lastMonth.start())));
				if (activeIdleDays < 2) {
					usage(idle.id(), day, false);
					activeIdleDays++;
				}
			}
		}

		assertThat(this.scores.compute(lastMonth, lastMonth.end())).isGreaterThanOrEqualTo(2);
		Map<UUID, Score> byUser = new LinkedHashMap<>();
		this.scores.scores(AdoptionScope.of(java.util.List.of(busy.id(), idle.id())), lastMonth)
			.forEach(s -> byUser.put(s.userId(), s));
		Score top = byUser.get(busy.id());
		// active every business day, every week a dashboard; no deals: freshness and
		// timeliness do not apply; 1 of the 7 default key features (sales:VIEW)
		assertThat(top.component("activity")).isEqualTo(1.0);
		assertThat(top.component("freshness")).isNull();
		assertThat(top.component("timeliness")).isNull();
		assertThat(top.component("breadth")).isEqualTo(2.0 / 7);
		assertThat(top.component("reporting")).isEqualTo(1.0);
		// (40 × 1 + 20 × 2/7 + 10 × 1) ÷ 70 = 0.7959… → 80
		assertThat(top.score()).isEqualTo(80);
		// an ended month is measured whole: not partial, as before
		assertThat(top.partial()).isFalse();
		assertThat(top.measuredThrough()).isEqualTo(lastMonth.end());
		assertThat(top.elapsedWorkingDays()).isEqualTo(businessDays);
		assertThat(top.workingDays()).isEqualTo(businessDays);
		assertThat(top.coverage()).isEqualTo("whole month");
		Score low = byUser.get(idle.id());
		assertThat(low.component("activity")).isEqualTo(2.0 / businessDays);
		assertThat(low.score()).isLessThan(top.score());
		assertThat(low.weights()).containsEntry("activity", 40);

		// new weights: a new period's score uses them, the stored one keeps its own
		this.scores.updateWeights(new ScoreWeights(100, 0, 0, 0, 0), null);
		AdoptionScores.Period monthBefore = this.scores.period(PeriodKind.MONTH, lastMonth.start().minusDays(1));
		this.scores.compute(monthBefore, monthBefore.end());
		assertThat(this.scores.history(busy.id(), PeriodKind.MONTH)).extracting(Score::periodStart, Score::score)
			.startsWith(org.assertj.core.groups.Tuple.tuple(lastMonth.start(), 80),
					org.assertj.core.groups.Tuple.tuple(monthBefore.start(), 0));
	}

	@Test
	void exportsAndScopes() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		AdoptionScores.Period month = this.scores.period(PeriodKind.MONTH, this.calendar.today());
		usage(rep.id(), this.calendar.today(), true);
		this.scores.compute(month, this.calendar.today());

		MvcResult csv = this.mvc.perform(get("/adoption/scores.csv").with(TestUsers.signIn(this.mvc, admin)))
			.andExpect(status().isOk())
			.andReturn();
		String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).contains("Person,Manager,Period,From,To,Score").contains(rep.fullName());

		byte[] xlsx = this.mvc.perform(get("/adoption/scores.xlsx").with(TestUsers.signIn(this.mvc, admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(workbookText(xlsx)).contains(rep.fullName()).contains("Adoption scores");

		// a rep sees their own score only; weights are the administrators'
		this.mvc.perform(get("/api/v1/adoption/scores").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SCORED"))
			.andExpect(jsonPath("$.computedAt").isString())
			.andExpect(jsonPath("$.scores.length()").value(1))
			.andExpect(jsonPath("$.scores[0].userId").value(rep.id().toString()));
		this.mvc
			.perform(put("/api/v1/adoption/scores/weights").with(TestUsers.basic(rep))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"activity\":50,\"breadth\":50,\"freshness\":0,\"timeliness\":0,\"reporting\":0}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/adoption/scores/weights").with(TestUsers.basic(admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"activity\":50,\"breadth\":50,\"freshness\":0,\"timeliness\":0,\"reporting\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.activity").value(50));
		this.mvc.perform(get("/api/v1/adoption/scores").param("period", "YEAR").with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("period"));
	}

	@Test
	void aServiceAgentsBreadthCountsServicesKeyFeatures() {
		User agent = this.users.create(Role.SERVICE);
		AdoptionScores.Period lastMonth = this.scores.period(PeriodKind.MONTH,
				this.calendar.today().withDayOfMonth(1).minusDays(1));
		backdateProvisioning(agent, lastMonth.start().minusMonths(1));
		// 3 of service's 6 key features over the month; sales:VIEW is not one of them
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, views, actions, features)
				values (:user, :day, true, 2, 2, '{service:VIEW,service:UPDATE,sales:VIEW}'),
				       (:user, :later, true, 1, 1, '{customers:VIEW}')
				""").param("user", agent.id()).param("day", lastMonth.start()).param("later", lastMonth.end()).update();

		this.scores.compute(lastMonth, lastMonth.end());

		Score score = this.scores.scores(AdoptionScope.of(java.util.List.of(agent.id())), lastMonth).get(0);
		assertThat(score.component("breadth")).isEqualTo(3.0 / 6);
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

	private static LocalDate firstWeekday(LocalDate day) {
		LocalDate first = day;
		while (first.getDayOfWeek() == DayOfWeek.SATURDAY || first.getDayOfWeek() == DayOfWeek.SUNDAY) {
			first = first.plusDays(1);
		}
		return first;
	}

	private void backdateProvisioning(User user, LocalDate day) {
		this.jdbc.sql("update users set provisioned_at = :at where id = :id")
			.param("at", day.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
			.param("id", user.id())
			.update();
	}

	private static String workbookText(byte[] xlsx) throws Exception {
		// read through the central directory: the entries are streamed with data
		// descriptors
		java.nio.file.Path file = java.nio.file.Files.createTempFile("scores", ".xlsx");
		try {
			java.nio.file.Files.write(file, xlsx);
			StringBuilder text = new StringBuilder();
			try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
				for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
					if (entry.getName().endsWith(".xml")) {
						text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
					}
				}
			}
			return text.toString();
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
	}

}
