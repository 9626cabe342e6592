package dev.bellwether.adoption.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.adoption.AdoptionScores;
import dev.bellwether.adoption.Score;
import dev.bellwether.adoption.ScoreFormula;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scores answer says why it has no scores: too early in the period, or not computed
 * yet.
 */
class ScoresAnswerTests {

	private static final LocalDate AUGUST_1 = LocalDate.of(2026, 8, 1);

	private static final LocalDate AUGUST_31 = LocalDate.of(2026, 8, 31);

	private final AdoptionScores.Period august = new AdoptionScores.Period(Score.PeriodKind.MONTH, AUGUST_1, AUGUST_31);

	@Test
	void beforeTheFirstWorkingDayHasEndedItIsTooEarly() {
		// August 2026 starts on a Saturday: on Monday the 3rd no working day has ended
		ScoresAnswer answer = ScoresAnswer.of(this.august,
				ScoreFormula.measured(AUGUST_1, AUGUST_31, LocalDate.of(2026, 8, 3)), List.of());

		assertThat(answer.status()).isEqualTo("TOO_EARLY");
		assertThat(answer.message()).startsWith("Too early to score August 2026");
		assertThat(answer.measuredThrough()).isNull();
		assertThat(answer.computedAt()).isNull();
		assertThat(answer.scores()).isEmpty();
	}

	@Test
	void aScorablePeriodWithoutScoresIsNotComputedYet() {
		ScoresAnswer answer = ScoresAnswer.of(this.august,
				ScoreFormula.measured(AUGUST_1, AUGUST_31, LocalDate.of(2026, 8, 5)), List.of());

		assertThat(answer.status()).isEqualTo("NOT_COMPUTED");
		assertThat(answer.message()).contains("computed every night");
		assertThat(answer.measuredThrough()).isEqualTo(LocalDate.of(2026, 8, 4));
	}

	@Test
	void scoresSayWhenTheOldestWasComputed() {
		Instant earlier = Instant.parse("2026-08-05T01:00:00Z");
		Instant later = Instant.parse("2026-08-05T01:00:03Z");
		ScoresAnswer answer = ScoresAnswer.of(this.august,
				ScoreFormula.measured(AUGUST_1, AUGUST_31, LocalDate.of(2026, 8, 5)),
				List.of(score(later), score(earlier)));

		assertThat(answer.status()).isEqualTo("SCORED");
		assertThat(answer.message()).isEqualTo("2 scores for August 2026.");
		assertThat(answer.computedAt()).isEqualTo(earlier);
		assertThat(answer.scores()).hasSize(2);
	}

	private Score score(Instant computedAt) {
		return new Score(UUID.randomUUID(), "Someone", null, Score.PeriodKind.MONTH, AUGUST_1, AUGUST_31, 70, Map.of(),
				Map.of(), computedAt, LocalDate.of(2026, 8, 4), 2, 21, true);
	}

}
