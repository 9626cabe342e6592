package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.bellwether.sales.ForecastCategory;

/**
 * One adjustment as made: a manager's figure for a person's forecast in one category and
 * period, with why.
 *
 * @param userId whose forecast (for a manager, their team's)
 * @param sequence 1 for the first adjustment of this person, period and category, 2 for
 * the next…: the version to send back with the next one
 * @param amount the adjusted figure; {@code null} when this adjustment took an earlier
 * one back
 * @param previous the adjusted figure in effect before this one ({@code null} for none)
 */
public record Adjustment(UUID userId, String period, ForecastCategory category, long sequence, BigDecimal amount,
		BigDecimal previous, String note, UUID adjustedBy, Instant adjustedAt) {
}
