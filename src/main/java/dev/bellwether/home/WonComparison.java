package dev.bellwether.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.bellwether.platform.FiscalCalendar.Period;
import dev.bellwether.sales.PipelineAnalytics.PeriodTotals;

/**
 * What was won this quarter against last quarter, like for like. A deal is won in the
 * quarter of its close date (closing a deal without entering a close date sets it to the
 * closing day). While a quarter runs, it is compared with last quarter up to the same
 * point — as many days in, or all of last quarter when it was shorter — never with the
 * whole of last quarter: two-thirds of a quarter against a whole one would look like a
 * fall every time.
 *
 * @param thisQuarter won with a close date in this quarter
 * @param lastQuarter won with a close date in all of last quarter
 * @param toDate won with a close date from the start of this quarter to today
 * @param samePoint won with a close date in last quarter up to the same point
 */
public record WonComparison(PeriodTotals thisQuarter, PeriodTotals lastQuarter, PeriodTotals toDate,
		PeriodTotals samePoint) {

	/**
	 * The periods to add up, in the order {@link #of} takes their totals: this quarter,
	 * last quarter, this quarter to date, last quarter to the same point.
	 */
	static List<Period> periods(Period quarter, LocalDate today) {
		Period last = quarter.previous();
		LocalDate upTo = today.isAfter(quarter.end()) ? quarter.end() : today;
		long daysIn = ChronoUnit.DAYS.between(quarter.start(), upTo);
		LocalDate samePoint = last.start().plusDays(daysIn);
		return List.of(quarter, last, new Period(quarter.start(), upTo),
				new Period(last.start(), samePoint.isAfter(last.end()) ? last.end() : samePoint));
	}

	static WonComparison of(List<PeriodTotals> totals) {
		return new WonComparison(totals.get(0), totals.get(1), totals.get(2), totals.get(3));
	}

	/**
	 * @return the change from last quarter to the same point to this quarter to date, in
	 * whole per cent, or {@code null} when nothing was won by then last quarter
	 */
	public Integer change() {
		return change(this.toDate.amount(), this.samePoint.amount());
	}

	static Integer change(BigDecimal now, BigDecimal before) {
		if (before == null || before.signum() == 0) {
			return null;
		}
		return now.subtract(before)
			.multiply(BigDecimal.valueOf(100))
			.divide(before, 0, RoundingMode.HALF_UP)
			.intValueExact();
	}

}
