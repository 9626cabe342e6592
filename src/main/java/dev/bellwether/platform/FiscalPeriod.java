package dev.bellwether.platform;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fiscal month, quarter or year of the company's calendar, written in URLs and the API
 * as {@code 2026-11} (a calendar month), {@code 2026-Q4} (the fourth quarter of fiscal
 * year 2026) or {@code FY2026}.
 * <p>
 * A fiscal year is named by the calendar year in which it <em>starts</em>: with
 * {@code bellwether.fiscal-year-start-month=4}, {@code FY2026} runs from 1 April 2026 to
 * 31 March 2027 and {@code 2026-Q4} is January to March 2027. With the default January
 * start the fiscal year is the calendar year. Fiscal months are calendar months, because
 * a fiscal year always starts on the first of a month.
 *
 * @param kind month, quarter or year
 * @param fiscalYear the fiscal year that holds the period (named by its starting year)
 * @param number the quarter (1–4) or the calendar month (1–12); 0 for a year
 * @param start the first day
 * @param end the last day, included
 */
public record FiscalPeriod(Kind kind, int fiscalYear, int number, LocalDate start, LocalDate end) {

	/**
	 * What an unparseable period is answered with, naming the accepted forms.
	 */
	public static final String ACCEPTED_FORMS = "a period is written 2026-11 (a month), 2026-Q4 (a fiscal quarter) or FY2026 (a fiscal year)";

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");

	private static final Pattern YEAR = Pattern.compile("[Ff][Yy](\\d{4})");

	/**
	 * The kinds of fiscal period.
	 */
	public enum Kind {

		MONTH, QUARTER, YEAR

	}

	/**
	 * @return the period as written in URLs and the API: {@code 2026-11},
	 * {@code 2026-Q4}, {@code FY2026}
	 */
	public String code() {
		return switch (this.kind) {
			case MONTH -> "%04d-%02d".formatted(this.start.getYear(), this.number);
			case QUARTER -> "%04d-Q%d".formatted(this.fiscalYear, this.number);
			case YEAR -> "FY%04d".formatted(this.fiscalYear);
		};
	}

	/**
	 * @return the period for people: "Nov 2026", "Q4 FY2026", "FY2026"
	 */
	public String label() {
		return switch (this.kind) {
			case MONTH -> YearMonth.from(this.start)
				.format(java.time.format.DateTimeFormatter.ofPattern("MMM uuuu", java.util.Locale.ENGLISH));
			case QUARTER -> "Q%d FY%04d".formatted(this.number, this.fiscalYear);
			case YEAR -> code();
		};
	}

	@Override
	public String toString() {
		return code();
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(this.start) && !date.isAfter(this.end);
	}

	/**
	 * @return the period as a plain span of days
	 */
	public FiscalCalendar.Period span() {
		return new FiscalCalendar.Period(this.start, this.end);
	}

	/**
	 * Parses a period's code in a calendar whose fiscal year starts in
	 * {@code startMonth}.
	 * @throws InvalidInputException naming {@code field} and the accepted forms, for a
	 * malformed code or one outside the years 1900–2999
	 */
	static FiscalPeriod parse(String text, int startMonth, String field) {
		String code = (text == null) ? "" : text.strip();
		Matcher month = MONTH.matcher(code);
		if (month.matches()) {
			int year = year(month.group(1), text, field);
			int number = Integer.parseInt(month.group(2));
			if (number < 1 || number > 12) {
				throw invalid(text, field);
			}
			return month(YearMonth.of(year, number), startMonth);
		}
		Matcher quarter = QUARTER.matcher(code);
		if (quarter.matches()) {
			return quarter(year(quarter.group(1), text, field), Integer.parseInt(quarter.group(2)), startMonth);
		}
		Matcher fiscalYear = YEAR.matcher(code);
		if (fiscalYear.matches()) {
			return year(year(fiscalYear.group(1), text, field), startMonth);
		}
		throw invalid(text, field);
	}

	static FiscalPeriod month(YearMonth month, int startMonth) {
		LocalDate start = month.atDay(1);
		int fiscalYear = (month.getMonthValue() >= startMonth) ? month.getYear() : month.getYear() - 1;
		return new FiscalPeriod(Kind.MONTH, fiscalYear, month.getMonthValue(), start, month.atEndOfMonth());
	}

	static FiscalPeriod quarter(int fiscalYear, int number, int startMonth) {
		LocalDate start = LocalDate.of(fiscalYear, startMonth, 1).plusMonths(3L * (number - 1));
		return new FiscalPeriod(Kind.QUARTER, fiscalYear, number, start, start.plusMonths(3).minusDays(1));
	}

	static FiscalPeriod year(int fiscalYear, int startMonth) {
		LocalDate start = LocalDate.of(fiscalYear, startMonth, 1);
		return new FiscalPeriod(Kind.YEAR, fiscalYear, 0, start, start.plusYears(1).minusDays(1));
	}

	static FiscalPeriod containing(Kind kind, LocalDate date, int startMonth) {
		int fiscalYear = (date.getMonthValue() >= startMonth) ? date.getYear() : date.getYear() - 1;
		return switch (kind) {
			case MONTH -> month(YearMonth.from(date), startMonth);
			case YEAR -> year(fiscalYear, startMonth);
			case QUARTER -> {
				long monthsIn = java.time.temporal.ChronoUnit.MONTHS.between(LocalDate.of(fiscalYear, startMonth, 1),
						date.withDayOfMonth(1));
				yield quarter(fiscalYear, (int) (monthsIn / 3) + 1, startMonth);
			}
		};
	}

	/**
	 * @return the period of the same kind just before this one
	 */
	public FiscalPeriod previous(int startMonth) {
		return containing(this.kind, this.start.minusDays(1), startMonth);
	}

	/**
	 * @return the period of the same kind just after this one
	 */
	public FiscalPeriod next(int startMonth) {
		return containing(this.kind, this.end.plusDays(1), startMonth);
	}

	/**
	 * @return the quarters of a year, or the months of a quarter or year, in order; a
	 * month has none
	 */
	public List<FiscalPeriod> parts(Kind kind, int startMonth) {
		if (kind.ordinal() >= this.kind.ordinal()) {
			throw new IllegalArgumentException(kind + " does not divide a " + this.kind);
		}
		List<FiscalPeriod> parts = new ArrayList<>();
		FiscalPeriod part = containing(kind, this.start, startMonth);
		while (!part.start().isAfter(this.end)) {
			parts.add(part);
			part = part.next(startMonth);
		}
		return parts;
	}

	private static int year(String digits, String text, String field) {
		int year = Integer.parseInt(digits);
		if (year < 1900 || year > 2999) {
			throw invalid(text, field);
		}
		return year;
	}

	private static InvalidInputException invalid(String text, String field) {
		String shown = (text == null) ? "" : text.strip();
		if (shown.length() > 40) {
			shown = shown.substring(0, 40) + "…";
		}
		return new InvalidInputException(field, "\"" + shown + "\" is not a period: " + ACCEPTED_FORMS);
	}

}
