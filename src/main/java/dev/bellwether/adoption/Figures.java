package dev.bellwether.adoption;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import dev.bellwether.adoption.internal.metrics.UserUsage;
import dev.bellwether.identity.Role;

/**
 * The formulas of docs/adoption-metrics.md over users' counted use: the same arithmetic
 * for a whole scope, one level of the cascade, or one week of a trend.
 */
final class Figures {

	private Figures() {
	}

	/**
	 * Which figures this build can measure at all: "reporting from the system" rests on
	 * views of the CRM's reports or forecasts, "export leakage" on exports of its records
	 * too; with no module capturing them they have no figure, not 0%.
	 */
	record Measured(boolean reporting, boolean exports) {
	}

	static Headline headline(Collection<UserUsage> users, LocalDate asOf, boolean businessDays, Measured measured) {
		long licensed = users.size();
		long dau = 0;
		long wau = 0;
		long mau = 0;
		long days30 = 0;
		long weekdays30 = 0;
		long active28 = 0;
		long actions28 = 0;
		double breadthSum = 0;
		long breadthMeasured = 0;
		long reporting = 0;
		long activeExecutives = 0;
		long reportingExecutives = 0;
		long exports = 0;
		long reportViews = 0;
		Map<Health, Long> health = new EnumMap<>(Health.class);
		for (Health h : Health.values()) {
			health.put(h, 0L);
		}
		for (UserUsage user : users) {
			dau += user.activeOnDay() ? 1 : 0;
			wau += user.activeDays7() > 0 ? 1 : 0;
			days30 += user.activeDays30();
			weekdays30 += user.activeDays30Weekdays();
			if (user.activeDays30() > 0) {
				mau++;
				boolean reported = user.reportedFromTheSystem30();
				reporting += reported ? 1 : 0;
				if (user.role() == Role.EXECUTIVE) {
					activeExecutives++;
					reportingExecutives += reported ? 1 : 0;
				}
			}
			if (user.activeDays28() > 0) {
				active28++;
				actions28 += user.actions28();
				// each against their own key features (their role's list, else the
				// company's)
				if (user.keyFeatures() > 0) {
					breadthSum += (double) user.keyFeaturesUsed28() / user.keyFeatures();
					breadthMeasured++;
				}
			}
			exports += user.exports30();
			reportViews += user.reportViews30();
			health.merge(health(user), 1L, Long::sum);
		}
		Double averageDau = licensed == 0 ? null
				: businessDays ? (double) weekdays30 / weekdaysIn30DaysEnding(asOf) : days30 / 30.0;
		Double adoptionRate = share(mau, licensed);
		return new Headline(asOf, businessDays, licensed, dau, wau, mau, averageDau, mau == 0 ? null : averageDau / mau,
				adoptionRate, AdoptionBand.of(adoptionRate), health, share(health.get(Health.HEALTHY), licensed),
				breadthMeasured == 0 ? null : breadthSum / breadthMeasured,
				active28 == 0 ? null : actions28 / 4.0 / active28, measured.reporting() ? share(reporting, mau) : null,
				measured.reporting() ? share(reportingExecutives, activeExecutives) : null,
				measured.exports() ? share(exports, reportViews) : null, measured.reporting(), measured.exports());
	}

	static Health health(UserUsage user) {
		return Health.of(user.activeDays28(), user.activeDays90(), user.activeBefore90());
	}

	static UserHealth userHealth(UserUsage user, Measured measured) {
		return new UserHealth(user.userId(), user.fullName(), user.role(), user.managerId(), health(user),
				user.activeOnDay(), user.activeDays28(), user.previousActiveDays28(), user.activeDays90(),
				user.actions28() / 4.0, user.keyFeaturesUsed28(), user.keyFeatures(),
				user.keyFeatures() == 0 ? null : (double) user.keyFeaturesUsed28() / user.keyFeatures(),
				user.reportViews30(), user.dashboardViews30(), user.forecastViews30(), user.exports30(),
				measured.exports() ? share(user.exports30(), user.reportViews30()) : null);
	}

	/**
	 * @return the Monday-to-Friday days among the 30 ending on the day
	 */
	static int weekdaysIn30DaysEnding(LocalDate day) {
		int weekdays = 0;
		for (LocalDate d = day.minusDays(29); !d.isAfter(day); d = d.plusDays(1)) {
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				weekdays++;
			}
		}
		return weekdays;
	}

	static Double share(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

	static Double median(java.util.List<Double> values) {
		if (values.isEmpty()) {
			return null;
		}
		java.util.List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
