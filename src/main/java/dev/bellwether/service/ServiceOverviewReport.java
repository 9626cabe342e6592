package dev.bellwether.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The executive service view over a period ({@link ServiceOverview}, which defines each
 * figure).
 *
 * @param from the first day of the period (company time zone)
 * @param to the last day, included
 * @param asOf the moment the backlog and the breaches are counted at
 * @param firstResponse SLA attainment of the first-response targets decided in the period
 * @param resolution SLA attainment of the resolution targets decided in the period
 * @param backlog the cases still open now, by status and age
 * @param satisfaction CSAT and NPS of the surveys answered in the period
 * ({@link ServiceSatisfaction})
 * @param months each month of the period: cases opened, resolved, and its satisfaction
 * @param costPerCase the cost of service per resolved case ({@link ServiceCosts}); its
 * amount is {@code null} when no case was resolved in the period
 * @param crossSellRevenue the cross-sell revenue won ({@link CrossSell})
 */
public record ServiceOverviewReport(LocalDate from, LocalDate to, Instant asOf, Attainment firstResponse,
		Attainment resolution, Backlog backlog, SatisfactionFigures satisfaction, List<Month> months,
		MoneyFigure costPerCase, MoneyFigure crossSellRevenue) {

	public long opened() {
		return this.months.stream().mapToLong(Month::opened).sum();
	}

	public long resolved() {
		return this.months.stream().mapToLong(Month::resolved).sum();
	}

	/**
	 * SLA attainment of one kind of target: met ÷ (met + breached).
	 *
	 * @param met targets met (done by their due time) in the period
	 * @param breached targets whose due instant passed in the period, done since or not
	 */
	public record Attainment(SlaMetric metric, long met, long breached) {

		/** In percent, one decimal; {@code null} when no target was decided. */
		public BigDecimal percent() {
			long decided = this.met + this.breached;
			return decided == 0 ? null
					: BigDecimal.valueOf(this.met * 100).divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_UP);
		}

		/** The URL value of the metric for the cases list ({@code first-response}). */
		public String metricValue() {
			return this.metric.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	/**
	 * The open cases (new, open, waiting on the customer) as of the report's moment.
	 *
	 * @param open how many
	 * @param medianAgeDays the median age (now − opened) in days, one decimal;
	 * {@code null} without open cases
	 * @param byStatus each open status, with its cases by age bucket
	 * @param byAge every open case by age bucket
	 */
	public record Backlog(long open, BigDecimal medianAgeDays, List<StatusAges> byStatus, List<AgeBucket> byAge) {

	}

	/**
	 * @param counts one per {@link AgeBucket#BUCKETS}, in order
	 */
	public record StatusAges(CaseStatus status, long open, List<Long> counts) {

	}

	/**
	 * Open cases whose age (now − opened) is at least {@code fromDays} and less than
	 * {@code toDays} ({@code null}: no upper end).
	 */
	public record AgeBucket(String label, int fromDays, Integer toDays, long count) {

		/** The buckets' bounds in days: &lt;1, 1–3, 3–7, 7–30, &gt;30. */
		static final int[] BOUNDS = { 0, 1, 3, 7, 30 };

		static final List<String> BUCKETS = List.of("Under a day", "1–3 days", "3–7 days", "7–30 days", "Over 30 days");

	}

	/**
	 * A month of the period (only its days within the period count).
	 *
	 * @param opened cases opened in the month
	 * @param resolved cases resolved in the month (by their resolution time; a case
	 * reopened since counts no more)
	 * @param satisfaction the surveys answered in the month
	 */
	public record Month(YearMonth month, long opened, long resolved, SatisfactionFigures satisfaction) {

	}

	/**
	 * An amount of money with what it means, for the figures other parts supply.
	 *
	 * @param definition how it is counted, shown beside it
	 * @param link where it drills into ({@code null}: nowhere)
	 */
	public record MoneyFigure(BigDecimal amount, String currency, String definition, String link) {

	}

}
