package dev.bellwether.adoption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A person's adoption score for a month or a quarter.
 *
 * @param score 0 to 100
 * @param components each component's value from 0 to 1, {@code null} where it does not
 * apply (no open deals, no deals closed in the period): left out of the score with its
 * weight
 * @param weights the weights the score was computed with
 * @param measuredThrough the last day measured: the period's end, or the day before the
 * computation while the period was in progress
 * @param elapsedWorkingDays the period's working days (Monday to Friday) measured
 * @param workingDays the period's working days in all
 * @param partial whether the score measures only part of its period (month or quarter to
 * date): activity and reporting are measured against the elapsed working days and weeks
 */
public record Score(UUID userId, String fullName, String managerName, PeriodKind periodKind, LocalDate periodStart,
		LocalDate periodEnd, int score, Map<String, Double> components, Map<String, Integer> weights,
		Instant computedAt, LocalDate measuredThrough, int elapsedWorkingDays, int workingDays, boolean partial) {

	public enum PeriodKind {

		MONTH, QUARTER

	}

	public Double component(String name) {
		return this.components.get(name);
	}

	/**
	 * "month to date: 3 of 22 working days" for a partial score, "whole month" (or
	 * quarter) otherwise.
	 */
	public String coverage() {
		String kind = this.periodKind == PeriodKind.MONTH ? "month" : "quarter";
		return this.partial
				? kind + " to date: " + this.elapsedWorkingDays + " of " + this.workingDays + " working days"
				: "whole " + kind;
	}

}
