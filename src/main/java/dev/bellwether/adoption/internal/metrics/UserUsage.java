package dev.bellwether.adoption.internal.metrics;

import java.time.Instant;
import java.util.UUID;

import dev.bellwether.identity.Role;

/**
 * One licensed user's use as of a day, counted in one pass over {@code usage_daily}: the
 * raw material of every figure. Windows end on the day asked about and include it (the
 * last 28 days are that day and the 27 before).
 *
 * @param depth how many managers are above the user (0 at the top of the company)
 * @param activeDays30Weekdays active days in the last 30 that fell Monday to Friday
 * @param previousActiveDays28 active days in the 28 days before the last 28
 * @param activeBefore90 whether the user was active at any time before the last 90 days
 * @param teamFigureViews7 dashboard, report and forecast views in the last 7 days
 * @param keyFeaturesUsed28 distinct key features used in the last 28 days, among the
 * user's own (their role's list, else the company-wide one: {@link KeyFeatureSets})
 * @param keyFeatures how many key features the user is measured against
 */
public record UserUsage(UUID userId, String fullName, Role role, UUID managerId, int depth, Instant provisionedAt,
		boolean activeOnDay, int activeDays7, int activeDays28, int activeDays30, int activeDays30Weekdays,
		int previousActiveDays28, int activeDays90, boolean activeBefore90, long actions28, long reportViews30,
		long dashboardViews30, long forecastViews30, long exports30, long teamFigureViews7, int keyFeaturesUsed28,
		int keyFeatures) {

	public boolean reportedFromTheSystem30() {
		return this.reportViews30 + this.dashboardViews30 + this.forecastViews30 > 0;
	}

}
