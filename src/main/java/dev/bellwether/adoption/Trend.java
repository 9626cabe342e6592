package dev.bellwether.adoption;

import java.time.LocalDate;
import java.util.List;

/**
 * The headline figures week by week, the oldest week first, each as of its last day (the
 * day asked about, and the same weekday before).
 */
public record Trend(LocalDate asOf, boolean businessDays, List<Week> weeks) {

	/**
	 * One week's figures, as {@link Headline} defines them, as of {@code day}; a week
	 * ending before the scope's first captured usage has no data ({@code captured} false,
	 * its shares {@code null}) rather than 0%.
	 */
	public record Week(LocalDate day, long licensedUsers, long wau, long mau, Double adoptionRate, Double stickiness,
			Double healthyShare, boolean captured) {

	}

}
