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
 */
public record Score(UUID userId, String fullName, String managerName, PeriodKind periodKind, LocalDate periodStart,
		LocalDate periodEnd, int score, Map<String, Double> components, Map<String, Integer> weights,
		Instant computedAt) {

	public enum PeriodKind {

		MONTH, QUARTER

	}

	public Double component(String name) {
		return this.components.get(name);
	}

}
