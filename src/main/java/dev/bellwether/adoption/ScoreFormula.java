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
 * <li>activity: active days in the period ÷ its business days (Monday to Friday) so far,
 * at most 1;</li>
 * <li>breadth: key features used in the period ÷ key features defined;</li>
 * <li>freshness: share of the person's open pipeline value touched in the last 30 days
 * (by count when the deals have no amounts); does not apply without open deals;</li>
 * <li>timeliness: 1 − share of the person's deals closed in the period that were entered
 * late; does not apply when none closed;</li>
 * <li>reporting: weeks with a report, dashboard or forecast view ÷ weeks of the period
 * with a business day so far.</li>
 * </ul>
 * A component that does not apply is left out together with its weight.
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

	private static boolean isBusinessDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
