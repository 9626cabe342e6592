package dev.bellwether.adoption;

import java.util.UUID;

import dev.bellwether.identity.Role;

/**
 * One user's adoption as of a day: the row behind every drill-down.
 *
 * @param activeDays28 active days in the 28 days ending on the day
 * @param previousActiveDays28 active days in the 28 days before those
 * @param activeDays90 active days in the 90 days ending on the day
 * @param actionsPerWeek actions in the last 28 days ÷ 4 (depth)
 * @param keyFeaturesUsed distinct key features used in the last 28 days, among the
 * person's own
 * @param keyFeatures the key features the person is measured against: their role's list
 * (marketing and service by default), else the company-wide one
 * @param breadth {@code keyFeaturesUsed ÷ keyFeatures} ({@code null} when none are
 * defined)
 * @param reportViews report views in the last 30 days (likewise dashboards, forecasts,
 * exports)
 * @param exportLeakage {@code exports ÷ reportViews}, {@code null} without report views,
 * and while this build captures no exports of the CRM's records (not measured)
 */
public record UserHealth(UUID userId, String fullName, Role role, UUID managerId, Health health, boolean activeOnDay,
		int activeDays28, int previousActiveDays28, int activeDays90, double actionsPerWeek, int keyFeaturesUsed,
		int keyFeatures, Double breadth, long reportViews, long dashboardViews, long forecastViews, long exports,
		Double exportLeakage) {

}
