package dev.bellwether.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The company's calendar: today in its time zone ({@code bellwether.time-zone}), and
 * fiscal quarters and years starting in the month
 * {@code bellwether.fiscal-year-start-month} (1 for January, the default; 4 for a year
 * starting in April).
 */
@Component
public class FiscalCalendar {

	private final Clock clock;

	private final ZoneId zone;

	private final int startMonth;

	FiscalCalendar(Clock clock, @Value("${bellwether.time-zone:UTC}") ZoneId zone,
			@Value("${bellwether.fiscal-year-start-month:1}") int startMonth) {
		if (startMonth < 1 || startMonth > 12) {
			throw new IllegalArgumentException("bellwether.fiscal-year-start-month must be 1 to 12, not " + startMonth);
		}
		this.clock = clock;
		this.zone = zone;
		this.startMonth = startMonth;
	}

	public static FiscalCalendar of(Clock clock, ZoneId zone, int startMonth) {
		return new FiscalCalendar(clock, zone, startMonth);
	}

	/**
	 * @return the instant the day begins in the company's time zone
	 */
	public java.time.Instant startOf(LocalDate day) {
		return day.atStartOfDay(this.zone).toInstant();
	}

	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	/**
	 * @return the fiscal quarter holding the date
	 */
	public Period quarterOf(LocalDate date) {
		LocalDate start = yearOf(date).start();
		while (!start.plusMonths(3).isAfter(date)) {
			start = start.plusMonths(3);
		}
		return new Period(start, start.plusMonths(3).minusDays(1));
	}

	/**
	 * @return the fiscal year holding the date
	 */
	public Period yearOf(LocalDate date) {
		LocalDate start = LocalDate.of(date.getYear(), this.startMonth, 1);
		if (start.isAfter(date)) {
			start = start.minusYears(1);
		}
		return new Period(start, start.plusYears(1).minusDays(1));
	}

	/**
	 * Parses a period written {@code 2026-11}, {@code 2026-Q4} or {@code FY2026} (see
	 * {@link FiscalPeriod}).
	 * @param field the parameter or field named in the error
	 * @throws InvalidInputException for a malformed period, naming the accepted forms
	 */
	public FiscalPeriod period(String code, String field) {
		return FiscalPeriod.parse(code, this.startMonth, field);
	}

	/**
	 * @return the fiscal month, quarter or year holding the date
	 */
	public FiscalPeriod periodOf(FiscalPeriod.Kind kind, LocalDate date) {
		return FiscalPeriod.containing(kind, date, this.startMonth);
	}

	/**
	 * @return the fiscal month, quarter or year holding today
	 */
	public FiscalPeriod current(FiscalPeriod.Kind kind) {
		return periodOf(kind, today());
	}

	public FiscalPeriod previous(FiscalPeriod period) {
		return period.previous(this.startMonth);
	}

	public FiscalPeriod next(FiscalPeriod period) {
		return period.next(this.startMonth);
	}

	/**
	 * @return the quarters or months of a period, in order
	 */
	public java.util.List<FiscalPeriod> parts(FiscalPeriod period, FiscalPeriod.Kind kind) {
		return period.parts(kind, this.startMonth);
	}

	public int startMonth() {
		return this.startMonth;
	}

	public ZoneId zone() {
		return this.zone;
	}

	public Period thisQuarter() {
		return quarterOf(today());
	}

	public Period thisMonth() {
		LocalDate start = today().withDayOfMonth(1);
		return new Period(start, start.plusMonths(1).minusDays(1));
	}

	/**
	 * A span of days, both ends included.
	 */
	public record Period(LocalDate start, LocalDate end) {

		public Period previous() {
			long months = java.time.temporal.ChronoUnit.MONTHS.between(this.start, this.end.plusDays(1));
			LocalDate previousStart = this.start.minusMonths(months);
			return new Period(previousStart, this.start.minusDays(1));
		}

		public Period next() {
			long months = java.time.temporal.ChronoUnit.MONTHS.between(this.start, this.end.plusDays(1));
			LocalDate nextStart = this.end.plusDays(1);
			return new Period(nextStart, nextStart.plusMonths(months).minusDays(1));
		}

		public boolean contains(LocalDate date) {
			return !date.isBefore(this.start) && !date.isAfter(this.end);
		}

	}

}
