package dev.bellwether.adoption.internal.alerts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The periods alerts are raised once in: ISO weeks ({@code 2026-W47}) and fortnights (two
 * ISO weeks from a Monday, keyed by that Monday: {@code 2026-11-16/P14D}).
 */
public final class AlertPeriods {

	/** A Monday that fortnights are counted from. */
	private static final LocalDate FORTNIGHTS_FROM = LocalDate.of(2024, 1, 1);

	private AlertPeriods() {
	}

	/**
	 * @return the ISO week of the day, e.g. {@code 2026-W47}
	 */
	public static String isoWeek(LocalDate day) {
		return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
				day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/**
	 * @return the fortnight the day falls in, keyed by its first Monday
	 */
	public static String fortnight(LocalDate day) {
		long index = Math.floorDiv(ChronoUnit.DAYS.between(FORTNIGHTS_FROM, day), 14);
		return FORTNIGHTS_FROM.plusDays(index * 14) + "/P14D";
	}

	/**
	 * @return the last Sunday before the day: the end of the last whole week
	 */
	public static LocalDate endOfLastWeek(LocalDate today) {
		return today.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
	}

}
