package dev.bellwether.adoption;

import java.time.LocalDate;
import java.util.List;

/**
 * The headline figures week by week, the oldest week first, each as of its last day (the
 * day asked about, and the same weekday before).
 */
public record Trend(LocalDate asOf, boolean businessDays, List<Week> weeks) {

	/**
	 * One week's figures, as {@link Headline} defines them, as of {@code day}.
	 */
	public record Week(LocalDate day, long licensedUsers, long wau, long mau, Double adoptionRate, Double stickiness,
			Double healthyShare) {

	}

}
