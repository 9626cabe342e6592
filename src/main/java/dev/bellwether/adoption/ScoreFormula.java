package dev.bellwether.adoption;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The adoption score's published formula (docs/adoption-metrics.md, "Adoption score"):
 * the weighted mean of the components that apply, × 100, rounded. Each component is from
 * 0 to 1:
 * <ul>
 * <li>activity: active days in the period ÷ its business days (Monday to Friday)
 * measured, at most 1;</li>
 * <li>breadth: key features used in the period ÷ key features defined;</li>
 * <li>freshness: share of the person's open pipeline value touched in the last 30 days
 * (by count when the deals have no amounts); does not apply without open deals;</li>
 * <li>timeliness: 1 − share of the person's deals closed in the period that were entered
 * late; does not apply when none closed;</li>
 * <li>reporting: weeks with a report, dashboard or forecast view ÷ weeks of the period
 * with a business day measured.</li>
 * </ul>
 * A component that does not apply is left out together with its weight.
 * <p>
 * A period still in progress is measured up to yesterday, the last whole day
 * ({@link #measured}): activity and reporting, the components that grow with the period's
 * length, divide by the working days and weeks elapsed, so a person active every working
 * day so far scores as over a whole period of such use. The score is partial; before the
 * period's first working day has ended there is nothing to score ("too early").
 */
public final class ScoreFormula {

	private ScoreFormula() {
	}

	public static int score(Map<String, Double> components, ScoreWeights weights) {
		Map<String, Integer> weight = weights.asMap();
		double sum = 0;
		double total = 0;
		for (Map.Entry<String, Double> component : components.entrySet()) {
			if (component.getValue() != null) {
				int w = weight.getOrDefault(component.getKey(), 0);
				sum += w * component.getValue();
				total += w;
			}
		}
		return total == 0 ? 0 : (int) Math.round(100 * sum / total);
	}

	/**
	 * How much of a period a score measures, computed on a day.
	 * @param start the period's first day
	 * @param end the period's last day
	 * @param today the day of the computation: a period not over yet is measured to the
	 * day before (today is not over), an ended one to its end
	 */
	public static Measured measured(LocalDate start, LocalDate end, LocalDate today) {
		LocalDate yesterday = today.minusDays(1);
		return measuredThrough(start, end, yesterday.isBefore(end) ? yesterday : end);
	}

	/** A period measured from its start up to a day, both included. */
	public static Measured measuredThrough(LocalDate start, LocalDate end, LocalDate through) {
		LocalDate last = through.isBefore(end) ? through : end;
		long elapsed = last.isBefore(start) ? 0 : businessDays(start, last);
		long weeks = last.isBefore(start) ? 0 : businessWeeks(start, last);
		return new Measured(last, (int) elapsed, (int) businessDays(start, end), (int) weeks, last.isBefore(end));
	}

	/**
	 * Activity: active days ÷ the working days measured, at most 1; {@code null} without
	 * a working day measured.
	 */
	public static Double activity(long activeDays, Measured measured) {
		return measured.elapsedWorkingDays() == 0 ? null
				: Math.min(1.0, (double) activeDays / measured.elapsedWorkingDays());
	}

	/**
	 * Reporting: weeks with a report, dashboard or forecast view ÷ the weeks with a
	 * working day measured, at most 1; {@code null} without such a week.
	 */
	public static Double reporting(long reportingWeeks, Measured measured) {
		return measured.elapsedWeeks() == 0 ? null : Math.min(1.0, (double) reportingWeeks / measured.elapsedWeeks());
	}

	/** Monday-to-Friday days from one day to another, both included. */
	public static long businessDays(LocalDate from, LocalDate to) {
		long days = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			if (isBusinessDay(day)) {
				days++;
			}
		}
		return days;
	}

	/** Weeks (Monday to Sunday) with at least one business day between the days. */
	public static long businessWeeks(LocalDate from, LocalDate to) {
		Set<LocalDate> mondays = new HashSet<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			if (isBusinessDay(day)) {
				mondays.add(day.with(DayOfWeek.MONDAY));
			}
		}
		return mondays.size();
	}

	/**
	 * The part of a period a score measures.
	 *
	 * @param through the last day measured (may be before the period's start: nothing
	 * measured yet)
	 * @param elapsedWorkingDays Monday-to-Friday days from the start to {@code through}
	 * @param workingDays Monday-to-Friday days of the whole period
	 * @param elapsedWeeks weeks with a working day from the start to {@code through}
	 * @param partial whether the period goes on after {@code through}
	 */
	public record Measured(LocalDate through, int elapsedWorkingDays, int workingDays, int elapsedWeeks,
			boolean partial) {

		/** No working day measured yet: no score, "too early to score". */
		public boolean tooEarly() {
			return this.elapsedWorkingDays == 0;
		}

	}

	private static boolean isBusinessDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
