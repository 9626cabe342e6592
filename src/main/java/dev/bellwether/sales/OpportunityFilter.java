package dev.bellwether.sales;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Criteria for a deal list; every criterion is optional.
 *
 * @param query part of the deal's name
 * @param teamOf a manager: deals owned by them or anyone below them
 * @param closeFrom close date on or after
 * @param closeTo close date on or before
 * @param open {@code true} for open deals only, {@code false} for closed (won or lost)
 * only
 * @param stale only open deals untouched for longer than their stage allows
 * @param overdue only open deals whose close date has passed
 * @param forecastTotal only the deals in one of the forecast's cumulative figures (its
 * categories)
 */
public record OpportunityFilter(String query, UUID accountId, UUID ownerId, UUID teamOf, UUID stageId,
		ForecastCategory forecastCategory, LocalDate closeFrom, LocalDate closeTo, Boolean open, boolean stale,
		boolean overdue, ForecastTotal forecastTotal) {

	public OpportunityFilter(String query, UUID accountId, UUID ownerId, UUID teamOf, UUID stageId,
			ForecastCategory forecastCategory, LocalDate closeFrom, LocalDate closeTo, Boolean open, boolean stale,
			boolean overdue) {
		this(query, accountId, ownerId, teamOf, stageId, forecastCategory, closeFrom, closeTo, open, stale, overdue,
				null);
	}

	public static OpportunityFilter all() {
		return new OpportunityFilter(null, null, null, null, null, null, null, null, null, false, false);
	}

	public static OpportunityFilter ofAccount(UUID accountId) {
		return new OpportunityFilter(null, accountId, null, null, null, null, null, null, null, false, false);
	}

	public boolean isEmpty() {
		return equals(all());
	}

}
