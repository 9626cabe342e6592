package dev.bellwether.adoption.scores;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.adoption.Score;
import dev.bellwether.adoption.Score.PeriodKind;
import dev.bellwether.adoption.ScoreFormula;
import dev.bellwether.adoption.ScoreWeights;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partial periods (docs/adoption-metrics.md, "Partial periods"): a month in progress is
 * measured up to yesterday against its working days elapsed, so everyday use scores like
 * a whole month of it.
 */
class ScoreFormulaTests {

	private static final LocalDate DECEMBER_1 = LocalDate.of(2026, 12, 1);

	private static final LocalDate DECEMBER_31 = LocalDate.of(2026, 12, 31);

	private static final LocalDate NOVEMBER_1 = LocalDate.of(2026, 11, 1);

	private static final LocalDate NOVEMBER_30 = LocalDate.of(2026, 11, 30);

	@Test
	void onFourDecemberTheMonthIsMeasuredOverItsThreeWholeWorkingDays() {
		// Tuesday 1 to Thursday 3 December 2026; December has 4 + 5 + 5 + 5 + 4 = 23
		// weekdays
		ScoreFormula.Measured measured = ScoreFormula.measured(DECEMBER_1, DECEMBER_31, LocalDate.of(2026, 12, 4));
		assertThat(measured.through()).isEqualTo(LocalDate.of(2026, 12, 3));
		assertThat(measured.elapsedWorkingDays()).isEqualTo(3);
		assertThat(measured.workingDays()).isEqualTo(23);
		assertThat(measured.elapsedWeeks()).isEqualTo(1);
		assertThat(measured.partial()).isTrue();
		assertThat(measured.tooEarly()).isFalse();
	}

	@Test
	void everyWorkingDaySoFarScoresLikeAWholeMonthOfEverydayUse() {
		// the same habits: every working day active, a dashboard every week, 5 of the 7
		// key features, 90% of the pipeline fresh, nothing closed
		ScoreFormula.Measured december = ScoreFormula.measured(DECEMBER_1, DECEMBER_31, LocalDate.of(2026, 12, 4));
		Map<String, Double> partial = components(ScoreFormula.activity(3, december),
				ScoreFormula.reporting(1, december));
		// November 2026: Sunday the 1st; weekdays 2-6, 9-13, 16-20, 23-27 and the 30th:
		// 21 in 5 weeks, computed after it ended
		ScoreFormula.Measured november = ScoreFormula.measured(NOVEMBER_1, NOVEMBER_30, LocalDate.of(2026, 12, 4));
		assertThat(november.partial()).isFalse();
		assertThat(november.elapsedWorkingDays()).isEqualTo(21);
		assertThat(november.workingDays()).isEqualTo(21);
		assertThat(november.elapsedWeeks()).isEqualTo(5);
		Map<String, Double> whole = components(ScoreFormula.activity(21, november),
				ScoreFormula.reporting(5, november));

		// by hand: (40 × 1 + 20 × 5/7 + 20 × 0.9 + 10 × 1) ÷ (40 + 20 + 20 + 10)
		// = 82.29 ÷ 90 = 0.914 → 91
		assertThat(ScoreFormula.score(partial, ScoreWeights.DEFAULTS)).isEqualTo(91);
		assertThat(ScoreFormula.score(whole, ScoreWeights.DEFAULTS)).isEqualTo(91);

		// counting today, a working day not over and without use yet, was unfair: 3 of 4
		ScoreFormula.Measured withToday = ScoreFormula.measuredThrough(DECEMBER_1, DECEMBER_31,
				LocalDate.of(2026, 12, 4));
		assertThat(ScoreFormula.activity(3, withToday)).isEqualTo(0.75);
		assertThat(ScoreFormula.score(components(ScoreFormula.activity(3, withToday), 1.0), ScoreWeights.DEFAULTS))
			.isEqualTo(80);
	}

	@Test
	void beforeTheFirstWorkingDayHasEndedItIsTooEarlyToScore() {
		// on the 1st itself nothing of December is measured
		ScoreFormula.Measured first = ScoreFormula.measured(DECEMBER_1, DECEMBER_31, DECEMBER_1);
		assertThat(first.tooEarly()).isTrue();
		assertThat(ScoreFormula.activity(0, first)).isNull();
		assertThat(ScoreFormula.reporting(0, first)).isNull();
		assertThat(ScoreFormula.measured(DECEMBER_1, DECEMBER_31, LocalDate.of(2026, 12, 2)).elapsedWorkingDays())
			.isEqualTo(1);
		// August 2026 starts on a Saturday: too early until Monday the 3rd is over
		LocalDate august1 = LocalDate.of(2026, 8, 1);
		LocalDate august31 = LocalDate.of(2026, 8, 31);
		assertThat(ScoreFormula.measured(august1, august31, LocalDate.of(2026, 8, 3)).tooEarly()).isTrue();
		assertThat(ScoreFormula.measured(august1, august31, LocalDate.of(2026, 8, 4)).elapsedWorkingDays())
			.isEqualTo(1);
	}

	@Test
	void anEndedPeriodIsMeasuredWholeAsBefore() {
		// computed on its last day it is still in progress; from the next day on, whole
		ScoreFormula.Measured lastDay = ScoreFormula.measured(NOVEMBER_1, NOVEMBER_30, NOVEMBER_30);
		assertThat(lastDay.partial()).isTrue();
		assertThat(lastDay.elapsedWorkingDays()).isEqualTo(20);
		ScoreFormula.Measured ended = ScoreFormula.measured(NOVEMBER_1, NOVEMBER_30, LocalDate.of(2026, 12, 1));
		assertThat(ended.through()).isEqualTo(NOVEMBER_30);
		assertThat(ended.partial()).isFalse();
		assertThat(ended).isEqualTo(ScoreFormula.measuredThrough(NOVEMBER_1, NOVEMBER_30, NOVEMBER_30));
		// the whole-period formula: 10 active days of 21, 2 reporting weeks of 5
		assertThat(ScoreFormula.activity(10, ended)).isEqualTo(10.0 / 21);
		assertThat(ScoreFormula.reporting(2, ended)).isEqualTo(2.0 / 5);
	}

	@Test
	void aPartialScoreSaysHowMuchOfItsPeriodItMeasures() {
		Score partial = score(PeriodKind.MONTH, 3, 23, true);
		assertThat(partial.coverage()).isEqualTo("month to date: 3 of 23 working days");
		assertThat(score(PeriodKind.QUARTER, 45, 65, true).coverage())
			.isEqualTo("quarter to date: 45 of 65 working days");
		assertThat(score(PeriodKind.MONTH, 21, 21, false).coverage()).isEqualTo("whole month");
	}

	private static Map<String, Double> components(Double activity, Double reporting) {
		Map<String, Double> components = new LinkedHashMap<>();
		components.put("activity", activity);
		components.put("breadth", 5.0 / 7);
		components.put("freshness", 0.9);
		components.put("timeliness", null);
		components.put("reporting", reporting);
		return components;
	}

	private static Score score(PeriodKind kind, int elapsed, int workingDays, boolean partial) {
		return new Score(UUID.randomUUID(), "Ana", null, kind, DECEMBER_1, DECEMBER_31, 91, Map.of(),
				ScoreWeights.DEFAULTS.asMap(), Instant.parse("2026-12-04T02:30:00Z"), LocalDate.of(2026, 12, 3),
				elapsed, workingDays, partial);
	}

}
