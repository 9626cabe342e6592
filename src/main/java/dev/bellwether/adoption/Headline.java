package dev.bellwether.adoption;

import java.time.LocalDate;
import java.util.Map;

/**
 * The headline adoption figures of a scope as of a day (docs/adoption-metrics.md has each
 * formula; {@link AdoptionMetric} has the same texts for the UI). Every share is from 0
 * to 1, and {@code null} when there is no one to divide by (an empty scope).
 *
 * @param licensedUsers users licensed on the day (the denominator of the adoption rate)
 * @param dau users active on the day
 * @param wau users active in the 7 days ending on the day
 * @param mau users active in the 30 days ending on the day
 * @param averageDau active users per day over the 30 days (or over their Monday to Friday
 * days when {@code businessDays})
 * @param stickiness {@code averageDau ÷ mau}
 * @param adoptionRate {@code mau ÷ licensedUsers}
 * @param health how many users are in each health class (every class present)
 * @param healthyShare healthy users ÷ licensed users
 * @param breadth key features used in the last 28 days ÷ key features defined, each
 * person against their own (their role's list — marketing's and service's by default —
 * else the company-wide one), averaged over the users active in those 28 days who are
 * measured against at least one
 * @param depth actions per active user per week over the last 28 days
 * @param reportingShare active users (30 days) who viewed a report, dashboard or forecast
 * ÷ active users; {@code null} when not {@code reportingMeasured}
 * @param executiveReportingShare the same among executives
 * @param exportLeakage exports ÷ report views, last 30 days; {@code null} when not
 * {@code exportLeakageMeasured}
 * @param reportingMeasured whether this build captures views of the CRM's reports or
 * forecasts at all (no module declares them yet: "not measured", not 0%)
 * @param exportLeakageMeasured whether it captures exports of the CRM's records too
 */
public record Headline(LocalDate asOf, boolean businessDays, long licensedUsers, long dau, long wau, long mau,
		Double averageDau, Double stickiness, Double adoptionRate, AdoptionBand band, Map<Health, Long> health,
		Double healthyShare, Double breadth, Double depth, Double reportingShare, Double executiveReportingShare,
		Double exportLeakage, boolean reportingMeasured, boolean exportLeakageMeasured) {

	public long count(Health health) {
		return this.health.getOrDefault(health, 0L);
	}

}
