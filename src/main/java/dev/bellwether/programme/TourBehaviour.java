package dev.bellwether.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Whether a tour changed behaviour: for each person who completed it, the days on which
 * they used the tour's feature in the {@value #WINDOW_DAYS} days after the day they
 * completed it, against the {@value #WINDOW_DAYS} days before that day (the day itself
 * counts in neither window); the change is after minus before, and the tour's figure is
 * the median change of the people measured. A person is measured once their after-window
 * is over (its last day before today); until then they are listed as pending.
 */
public final class TourBehaviour {

	/** The length of each window, in days. */
	public static final int WINDOW_DAYS = 14;

	private TourBehaviour() {
	}

	/**
	 * @param completedOn per person, the day they completed the tour
	 * @param daysUsed per person, the days they used the feature (any range covering both
	 * windows)
	 * @param today the current day: an after-window ending today or later is not over
	 */
	public static Result measure(Map<UUID, LocalDate> completedOn, Map<UUID, ? extends SortedSet<LocalDate>> daysUsed,
			LocalDate today) {
		List<PersonChange> people = new ArrayList<>();
		completedOn.forEach((userId, day) -> {
			SortedSet<LocalDate> used = daysUsed.containsKey(userId) ? daysUsed.get(userId) : new java.util.TreeSet<>();
			LocalDate beforeFrom = day.minusDays(WINDOW_DAYS);
			LocalDate afterTo = day.plusDays(WINDOW_DAYS);
			int before = (int) used.stream().filter(d -> !d.isBefore(beforeFrom) && d.isBefore(day)).count();
			int after = (int) used.stream().filter(d -> d.isAfter(day) && !d.isAfter(afterTo)).count();
			boolean measured = afterTo.isBefore(today);
			people.add(new PersonChange(userId, day, before, after, measured));
		});
		people.sort(Comparator.comparing(PersonChange::completedOn).thenComparing(PersonChange::userId));
		List<Integer> changes = people.stream()
			.filter(PersonChange::measured)
			.map(PersonChange::change)
			.sorted()
			.toList();
		return new Result(people, median(changes), changes.size());
	}

	/**
	 * @return the median, the mean of the two middle values for an even count;
	 * {@code null} for none
	 */
	static Double median(List<Integer> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
	}

	/**
	 * One person who completed the tour.
	 *
	 * @param before days of use in the window before the day of completion
	 * @param after days of use in the window after it
	 * @param measured whether the after-window is over (else the figures are so far)
	 */
	public record PersonChange(UUID userId, LocalDate completedOn, int before, int after, boolean measured) {

		public int change() {
			return this.after - this.before;
		}

	}

	/**
	 * @param medianChange the median of the measured people's changes; {@code null} when
	 * nobody is measured yet
	 * @param measured how many people the median is over
	 */
	public record Result(List<PersonChange> people, Double medianChange, int measured) {
	}

}
