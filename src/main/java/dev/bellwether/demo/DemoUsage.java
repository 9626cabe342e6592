package dev.bellwether.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.bellwether.demo.UsageDataGenerator.Habit;
import dev.bellwether.demo.UsageDataGenerator.Person;
import dev.bellwether.identity.Role;

/**
 * The demo company's usage story, 30 weeks of it up to today, for the adoption dashboard
 * to find on its own:
 * <ul>
 * <li>the chief executive uses Bellwether every working day — dashboards, forecasts,
 * reports, deals — and is the programme's executive sponsor;</li>
 * <li>the {@value #FADING_REGION} region's manager stopped about ten weeks ago, and the
 * region's reps followed three to five weeks later, one after the other, while the other
 * regions stay healthy;</li>
 * <li>{@value #LATE_ENTRANT} uses it regularly but enters deals only when they close (see
 * {@link SalesDataGenerator#lateEntrants});</li>
 * <li>the service team's four agents ({@link DemoPeople#SERVICE_AGENTS}) work cases every
 * working day or most of them — viewing and updating cases, the satisfaction report —
 * while their lead, {@code service}, still never uses it;</li>
 * <li>the {@value #INTEGRATION} account calls the API around the clock — the busiest
 * "user" of all, whom every figure leaves out.</li>
 * </ul>
 */
final class DemoUsage {

	/** Thirty weeks: a 26-week trend with the 28 days before its first week. */
	static final int HISTORY_DAYS = 210;

	/** When the demo company went live on Bellwether: before its first deal. */
	static final int LIVE_DAYS_AGO = 560;

	static final String FADING_REGION = "East";

	static final String LATE_ENTRANT = "rep.west2";

	/**
	 * A rep whose forecasts are always optimistic: deals called Commit early that are
	 * lost (see {@link SalesDataGenerator#optimists}).
	 */
	static final String OPTIMIST = "rep.south2";

	static final String INTEGRATION = DemoPeople.INTEGRATION;

	static final String SPONSOR = "ceo";

	/** The fading region's manager stopped this many days ago. */
	static final int MANAGER_STOPPED_DAYS_AGO = 70;

	private static final Map<String, Habit> HABITS = Map.ofEntries(Map.entry("ceo", Habit.DAILY),
			Map.entry("vp.sales", Habit.REGULAR), Map.entry("salesadmin", Habit.DAILY),
			Map.entry("marketing", Habit.WEEKLY), Map.entry("service", Habit.NEVER),
			Map.entry("mgr.north", Habit.DAILY), Map.entry("mgr.south", Habit.REGULAR),
			Map.entry("mgr.east", Habit.DAILY), Map.entry("mgr.west", Habit.DAILY),
			Map.entry("rep.north1", Habit.DAILY), Map.entry("rep.north2", Habit.DAILY),
			Map.entry("rep.north3", Habit.REGULAR), Map.entry("rep.north4", Habit.DAILY),
			Map.entry("rep.north5", Habit.REGULAR), Map.entry("rep.south1", Habit.REGULAR),
			Map.entry("rep.south2", Habit.DAILY), Map.entry("rep.south3", Habit.REGULAR),
			Map.entry("rep.south4", Habit.WEEKLY), Map.entry("rep.south5", Habit.REGULAR),
			Map.entry("rep.east1", Habit.DAILY), Map.entry("rep.east2", Habit.REGULAR),
			Map.entry("rep.east3", Habit.DAILY), Map.entry("rep.east4", Habit.REGULAR),
			Map.entry("rep.east5", Habit.DAILY), Map.entry("rep.west1", Habit.DAILY),
			Map.entry("rep.west2", Habit.REGULAR), Map.entry("rep.west3", Habit.DAILY),
			Map.entry("rep.west4", Habit.WEEKLY), Map.entry("rep.west5", Habit.REGULAR),
			Map.entry("agent1", Habit.DAILY), Map.entry("agent2", Habit.DAILY), Map.entry("agent3", Habit.REGULAR),
			Map.entry("agent4", Habit.DAILY), Map.entry(INTEGRATION, Habit.INTEGRATION));

	private DemoUsage() {
	}

	/**
	 * @param seedingDay the day the demo is seeded: the story's thirty weeks end the day
	 * before
	 */
	static LocalDate firstDay(LocalDate seedingDay) {
		return seedingDay.minusDays(HISTORY_DAYS);
	}

	/**
	 * The day each person of the story stopped using Bellwether ({@link #FADING_REGION}'s
	 * manager and reps), by username; everyone else keeps using it.
	 */
	static Map<String, LocalDate> stoppedOn(LocalDate seedingDay) {
		LocalDate managerStopped = seedingDay.minusDays(MANAGER_STOPPED_DAYS_AGO);
		String region = FADING_REGION.toLowerCase(java.util.Locale.ROOT);
		Map<String, LocalDate> stopped = new HashMap<>();
		stopped.put("mgr." + region, managerStopped);
		for (int n = 1; n <= 5; n++) {
			// three to five weeks after their manager, one after the other
			stopped.put("rep." + region + n, managerStopped.plusDays(21 + (n - 1) * 14 / 4));
		}
		return stopped;
	}

	/**
	 * How a person uses Bellwether (regular for anyone the story does not name).
	 */
	static Habit habitOf(String username) {
		return HABITS.getOrDefault(username, Habit.REGULAR);
	}

	/**
	 * The people of the story, by username (the administrator has none: whatever they do
	 * is captured as it happens). Each person's random streams are keyed by their
	 * username, not their id (new on every seeding): the same seed and day give the same
	 * usage.
	 */
	static List<Person> people(Map<String, UUID> ids, Map<String, Role> roles, LocalDate seedingDay, Instant live) {
		Map<String, LocalDate> stopped = stoppedOn(seedingDay);
		String fadingManager = "mgr." + FADING_REGION.toLowerCase(java.util.Locale.ROOT);
		List<Person> people = new ArrayList<>();
		for (Map.Entry<String, UUID> user : ids.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
			String username = user.getKey();
			Person person = Person.of(user.getValue(), roles.get(username), null, live, habitOf(username))
				.keyedBy(username);
			LocalDate stops = stopped.get(username);
			if (stops != null) {
				person = person.fading(stops.minusWeeks(username.equals(fadingManager) ? 1 : 2), stops);
			}
			people.add(person);
		}
		return people;
	}

	/**
	 * Record ids for the events: a person's own records and their team's (everything for
	 * those with no team).
	 */
	static UsageDataGenerator.Records records(Map<UUID, Map<String, List<UUID>>> byOwner,
			Map<UUID, List<UUID>> subtrees) {
		Map<UUID, Map<String, List<UUID>>> pools = new HashMap<>();
		Map<String, List<UUID>> everything = new HashMap<>();
		byOwner.values()
			.forEach(types -> types
				.forEach((type, list) -> everything.computeIfAbsent(type, t -> new ArrayList<>()).addAll(list)));
		subtrees.forEach((user, team) -> {
			Map<String, List<UUID>> pool = new HashMap<>();
			for (UUID member : team) {
				byOwner.getOrDefault(member, Map.of())
					.forEach((type, list) -> pool.computeIfAbsent(type, t -> new ArrayList<>()).addAll(list));
			}
			pools.put(user, pool);
		});
		return (UUID userId, String recordType, SplittableRandom random) -> {
			List<UUID> pool = pools.getOrDefault(userId, Map.of()).get(recordType);
			if (pool == null || pool.isEmpty()) {
				pool = everything.getOrDefault(recordType, List.of());
			}
			return pool.isEmpty() ? null : pool.get(random.nextInt(pool.size()));
		};
	}

}
