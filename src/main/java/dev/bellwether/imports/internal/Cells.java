package dev.bellwether.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bellwether.imports.ImportSettings.DateOrder;

/**
 * Reading a cell as a number, an amount, a percentage or a date, the ways spreadsheets
 * and other CRMs write them. Each method throws {@link IllegalArgumentException} with a
 * message for the person reading the preview.
 */
final class Cells {

	private static final Pattern NUMERIC_DATE = Pattern
		.compile("^(\\d{1,4})[/.\\-](\\d{1,2})[/.\\-](\\d{1,4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$");

	/** A currency code before or after an amount. */
	private static final Pattern CURRENCY_CODE = Pattern.compile("(?i)^[a-z]{3}\\s*|\\s*[a-z]{3}$");

	/** Spaces, thousands apostrophes and currency signs in an amount. */
	private static final Pattern AMOUNT_NOISE = Pattern.compile("[\\s\\u00a0'$€£¥]");

	private static final List<DateTimeFormatter> WORDED = List.of(pattern("d MMM uuuu"), pattern("d MMMM uuuu"),
			pattern("MMM d, uuuu"), pattern("MMMM d, uuuu"), pattern("d-MMM-uuuu"), pattern("d-MMM-uu"));

	private Cells() {
	}

	private static DateTimeFormatter pattern(String pattern) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
	}

	static Integer integer(String cell) {
		BigDecimal number = decimal(cell, "a whole number");
		try {
			return number.stripTrailingZeros().intValueExact();
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("'" + cell + "' is not a whole number.");
		}
	}

	static Integer percent(String cell) {
		String text = cell.trim();
		boolean sign = text.endsWith("%");
		BigDecimal number = decimal(sign ? text.substring(0, text.length() - 1) : text, "a percentage");
		if (!sign && number.compareTo(BigDecimal.ONE) < 0 && number.signum() > 0) {
			number = number.movePointRight(2);
		}
		if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException("'" + cell + "' is not a percentage from 0 to 100.");
		}
		return number.setScale(0, java.math.RoundingMode.HALF_UP).intValue();
	}

	/**
	 * An amount: currency signs and codes, spaces and thousands separators dropped; of a
	 * comma and a point the last one is the decimal mark, and a lone comma is one unless
	 * three digits follow it.
	 */
	static BigDecimal money(String cell) {
		return decimal(cell, "an amount");
	}

	/** A number with decimals (a quantity), read as {@link #money} reads an amount. */
	static BigDecimal number(String cell) {
		return decimal(cell, "a number");
	}

	private static BigDecimal decimal(String cell, String what) {
		// patterns compiled once: an import reads amounts a million times
		String text = AMOUNT_NOISE.matcher(CURRENCY_CODE.matcher(cell.trim()).replaceAll("")).replaceAll("");
		boolean negative = text.startsWith("(") && text.endsWith(")");
		if (negative) {
			text = text.substring(1, text.length() - 1);
		}
		int comma = text.lastIndexOf(',');
		int point = text.lastIndexOf('.');
		if (comma >= 0 && point >= 0) {
			text = comma > point ? text.replace(".", "").replace(',', '.') : text.replace(",", "");
		}
		else if (comma >= 0) {
			boolean several = text.indexOf(',') != comma;
			boolean threeAfter = text.length() - comma - 1 == 3;
			text = several || threeAfter && !text.startsWith("0,") ? text.replace(",", "") : text.replace(',', '.');
		}
		try {
			BigDecimal number = new BigDecimal(text);
			return negative ? number.negate() : number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + cell + "' is not " + what + ".");
		}
	}

	private static Instant numeric(String cell, Matcher numeric, DateOrder order, ZoneId zone) {
		int a = Integer.parseInt(numeric.group(1));
		int b = Integer.parseInt(numeric.group(2));
		int c = Integer.parseInt(numeric.group(3));
		int year;
		int month;
		int day;
		if (numeric.group(1).length() == 4) {
			year = a;
			month = b;
			day = c;
		}
		else {
			year = numeric.group(3).length() == 2 ? 2000 + c : c;
			month = order == DateOrder.MONTH_FIRST ? a : b;
			day = order == DateOrder.MONTH_FIRST ? b : a;
		}
		try {
			LocalDateTime at = LocalDate.of(year, month, day)
				.atTime(numeric.group(4) == null ? 0 : Integer.parseInt(numeric.group(4)),
						numeric.group(5) == null ? 0 : Integer.parseInt(numeric.group(5)),
						numeric.group(6) == null ? 0 : Integer.parseInt(numeric.group(6)));
			return at.atZone(zone).toInstant();
		}
		catch (java.time.DateTimeException ex) {
			throw new IllegalArgumentException("'" + cell + "' is not a date (read as "
					+ (order == DateOrder.MONTH_FIRST ? "month/day/year" : "day/month/year") + ").");
		}
	}

	/**
	 * A date, from ISO (2025-03-04, also with a time), numbers with slashes, dots or
	 * dashes in the given order, or words (4 Mar 2025, March 4, 2025).
	 */
	static LocalDate date(String cell, DateOrder order) {
		return dateTime(cell, order, ZoneId.of("UTC")).atZone(ZoneId.of("UTC")).toLocalDate();
	}

	/**
	 * A moment: a date and time (at the start of the day in the zone for a date alone).
	 */
	static Instant dateTime(String cell, DateOrder order, ZoneId zone) {
		String text = cell.trim();
		Matcher numeric = NUMERIC_DATE.matcher(text);
		if (numeric.matches()) {
			// first: an ISO date (or date and time) reads the same as below, without the
			// two failed parses
			return numeric(cell, numeric, order, zone);
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			// not with an offset
		}
		try {
			return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			// not a local date and time
		}
		for (DateTimeFormatter format : WORDED) {
			try {
				return LocalDate.parse(text, format).atStartOfDay(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				// the next
			}
		}
		throw new IllegalArgumentException(
				"'" + cell + "' is not a date; write it as 2025-03-04, 04/03/2025 or 4 Mar 2025.");
	}

}
