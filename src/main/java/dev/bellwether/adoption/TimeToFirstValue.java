package dev.bellwether.adoption;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * How long people took from being provisioned to first moving a deal they created to a
 * later stage, per user and as the median of each monthly cohort of provisioning.
 */
public record TimeToFirstValue(List<Cohort> cohorts, List<User> users) {

	/**
	 * @param firstValueAt {@code null} when not reached by the day asked about
	 * @param days from provisioning to first value, in days (fractional), or {@code null}
	 */
	public record User(UUID userId, String fullName, Instant provisionedAt, Instant firstValueAt, Double days) {

	}

	/**
	 * @param month the month users were provisioned in (the company's time zone)
	 * @param users licensed users provisioned that month
	 * @param reached how many of them reached first value
	 * @param medianDays the median of their days, {@code null} when none reached it
	 */
	public record Cohort(YearMonth month, long users, long reached, Double medianDays) {

	}

}
