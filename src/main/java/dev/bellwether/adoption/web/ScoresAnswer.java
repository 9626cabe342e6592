package dev.bellwether.adoption.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import dev.bellwether.adoption.AdoptionScores;
import dev.bellwether.adoption.Score;
import dev.bellwether.adoption.ScoreFormula;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The adoption scores of a month or quarter, and why there are none when there are none.
 *
 * @param period MONTH or QUARTER
 * @param periodStart the period's first day
 * @param periodEnd its last day
 * @param status SCORED; TOO_EARLY (none of the period's working days has ended, so
 * nothing can be scored yet); or NOT_COMPUTED (the period can be scored, and no score has
 * been computed for it yet: scores are computed every night)
 * @param message what the status means, for people
 * @param measuredThrough the last day a score computed today would measure, or
 * {@code null} when too early
 * @param computedAt when the oldest score of the answer was computed, or {@code null}
 * without scores
 * @param scores best first
 */
record ScoresAnswer(Score.PeriodKind period, LocalDate periodStart, LocalDate periodEnd, @Schema(allowableValues = {
		"SCORED", "TOO_EARLY", "NOT_COMPUTED" }) String status, String message, LocalDate measuredThrough,
		Instant computedAt, List<Score> scores){

	static ScoresAnswer of(AdoptionScores.Period period, ScoreFormula.Measured measured, List<Score> scores) {
		String kind = period.kind() == Score.PeriodKind.MONTH ? "month" : "quarter";
		Instant oldest = scores.stream().map(Score::computedAt).min(Comparator.naturalOrder()).orElse(null);
		LocalDate through = measured.tooEarly() ? null : measured.through();
		if (!scores.isEmpty()) {
			return new ScoresAnswer(period.kind(), period.start(), period.end(), "SCORED",
					scores.size() + (scores.size() == 1 ? " score" : " scores") + " for " + period.label() + ".",
					through, oldest, scores);
		}
		if (measured.tooEarly()) {
			return new ScoresAnswer(period.kind(), period.start(), period.end(), "TOO_EARLY",
					"Too early to score " + period.label() + ": none of this " + kind
							+ "'s working days has ended yet. Scores come the night after its first working day.",
					null, null, scores);
		}
		return new ScoresAnswer(period.kind(), period.start(), period.end(), "NOT_COMPUTED",
				"No scores for " + period.label() + " yet: they are computed every night.", through, null, scores);
	}

}
