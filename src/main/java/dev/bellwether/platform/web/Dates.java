package dev.bellwether.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dates and times as pages show them ({@code ${@dates.day(instant)}} in templates), in
 * the company's time zone: the one display format of the product, day month year ("4 Dec
 * 2026", "4 Dec 2026, 14:30"), which no reader takes for another day whatever their
 * country's habit. Every template formats dates through this bean, never with
 * {@code #temporals} or a date's {@code toString()}; date inputs take their bounds from
 * {@link #min()} and {@link #max()} ({@link DateInput} checks them on the server).
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM y", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM y, HH:mm", Locale.ENGLISH);

	private final ZoneId zone;

	private final Clock clock;

	Dates(@Value("${bellwether.time-zone:UTC}") ZoneId zone, Clock clock) {
		this.zone = zone;
		this.clock = clock;
	}

	public String day(Instant instant) {
		return instant == null ? "" : DAY.format(instant.atZone(this.zone));
	}

	public String day(LocalDate date) {
		return format(date);
	}

	/**
	 * @return the day without its year ("4 Dec"), for headings of a run of recent weeks
	 */
	public String dayMonth(LocalDate date) {
		return date == null ? "" : DAY_MONTH.format(date);
	}

	/**
	 * @return the earliest day a date input takes, as its {@code min} attribute
	 */
	public String min() {
		return DateInput.EARLIEST.toString();
	}

	/**
	 * @return the latest day a date input takes, as its {@code max} attribute
	 */
	public String max() {
		return DateInput.LATEST.toString();
	}

	/**
	 * @return the same, for a {@code datetime-local} input
	 */
	public String minDateTime() {
		return DateInput.EARLIEST + "T00:00";
	}

	public String maxDateTime() {
		return DateInput.LATEST + "T23:59";
	}

	/**
	 * @return the date in the product's display format, for messages composed in Java
	 */
	public static String format(LocalDate date) {
		return date == null ? "" : DAY.format(date);
	}

	public String dayTime(Instant instant) {
		return instant == null ? "" : DAY_TIME.format(instant.atZone(this.zone));
	}

	/**
	 * @return e.g. "just now", "5 minutes ago", "3 days ago"
	 */
	public String ago(Instant instant) {
		if (instant == null) {
			return "never";
		}
		Duration age = Duration.between(instant, this.clock.instant());
		if (age.isNegative() || age.toMinutes() < 1) {
			return "just now";
		}
		if (age.toHours() < 1) {
			return plural(age.toMinutes(), "minute") + " ago";
		}
		if (age.toDays() < 1) {
			return plural(age.toHours(), "hour") + " ago";
		}
		if (age.toDays() < 60) {
			return plural(age.toDays(), "day") + " ago";
		}
		return "on " + day(instant);
	}

	private static String plural(long n, String unit) {
		return n + " " + unit + (n == 1 ? "" : "s");
	}

}
