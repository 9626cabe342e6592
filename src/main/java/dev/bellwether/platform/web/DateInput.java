package dev.bellwether.platform.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bellwether.platform.InvalidInputException;

/**
 * A date or a date and time as a form's date picker or an API client sends it
 * ({@code 2026-09-30}, {@code 2026-09-30T14:30}), read in one place so that every form
 * bounds dates alike: between {@link #EARLIEST} and {@link #LATEST}, the {@code min} and
 * {@code max} of every date input ({@code ${@dates.min()}} in templates). A picker lets a
 * user type a year of five or six digits (31/02/22026); such a date is refused in the
 * page's own date format, never silently kept.
 */
public final class DateInput {

	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

	/** What a picker sends, with the longer years a picker lets a user type. */
	private static final Pattern DAY = Pattern.compile("([+-]?\\d{4,6})-(\\d{1,2})-(\\d{1,2})");

	private DateInput() {
	}

	/**
	 * @return the date, or {@code null} when nothing was entered
	 * @throws InvalidInputException naming {@code field}, when the text is not a date
	 * between {@link #EARLIEST} and {@link #LATEST}
	 */
	public static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.trim();
		LocalDate date;
		try {
			date = LocalDate.parse(trimmed);
		}
		catch (DateTimeParseException ex) {
			date = longYear(trimmed);
			if (date == null) {
				throw new InvalidInputException(field, "'" + trimmed + "' is not a date. Choose a day in the calendar"
						+ " (API clients send it as YYYY-MM-DD, e.g. 2026-09-30).");
			}
		}
		requireInRange(field, date);
		return date;
	}

	/**
	 * @return the date and time (to the minute), or {@code null} when nothing was entered
	 * @throws InvalidInputException naming {@code field}, when the text is not a date and
	 * time on a day between {@link #EARLIEST} and {@link #LATEST}
	 */
	public static LocalDateTime dateTime(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.trim();
		LocalDateTime at;
		try {
			at = LocalDateTime.parse(trimmed);
		}
		catch (DateTimeParseException ex) {
			int t = trimmed.indexOf('T');
			LocalDate day = t < 0 ? null : longYear(trimmed.substring(0, t));
			if (day == null) {
				throw new InvalidInputException(field, "'" + trimmed + "' is not a date and time. Choose a day and a"
						+ " time in the calendar (API clients send it as YYYY-MM-DDTHH:MM, e.g. 2026-09-30T14:30).");
			}
			at = day.atStartOfDay();
		}
		requireInRange(field, at.toLocalDate());
		return at;
	}

	/**
	 * @throws InvalidInputException naming {@code field}, when the date is outside
	 * {@link #EARLIEST} to {@link #LATEST}
	 */
	public static void requireInRange(String field, LocalDate date) {
		if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
			throw new InvalidInputException(field, Dates.format(date) + " is not a date we can keep: choose a day"
					+ " between " + Dates.format(EARLIEST) + " and " + Dates.format(LATEST) + ".");
		}
	}

	/**
	 * @return a date whose year has more digits than ISO's four (which {@code LocalDate}
	 * reads only with a sign), or {@code null} when the text is no date at all
	 */
	private static LocalDate longYear(String text) {
		Matcher matcher = DAY.matcher(text);
		if (!matcher.matches()) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3)));
		}
		catch (java.time.DateTimeException | NumberFormatException ex) {
			return null;
		}
	}

}
