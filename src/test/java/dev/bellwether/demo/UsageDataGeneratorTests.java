package dev.bellwether.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.bellwether.demo.UsageDataGenerator.Habit;
import dev.bellwether.demo.UsageDataGenerator.Person;
import dev.bellwether.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage generator without a database: the same seed gives the same rows, days follow
 * the habits, and nothing happens after the end.
 */
class UsageDataGeneratorTests {

	static final Instant NOW = Instant.parse("2026-03-13T15:30:00Z");

	static final LocalDate FROM = LocalDate.of(2026, 1, 1);

	static List<Person> people(UsageDataGenerator generator, int count) {
		SplittableRandom random = new SplittableRandom(7);
		List<Person> people = new ArrayList<>();
		Role[] roles = { Role.REP, Role.REP, Role.REP, Role.MANAGER, Role.EXECUTIVE, Role.SALES_ADMIN };
		for (int i = 0; i < count; i++) {
			people.add(generator.typical(new UUID(random.nextLong(), random.nextLong()), roles[i % roles.length], null,
					NOW.minusSeconds(400L * 86_400)));
		}
		people
			.add(Person.of(new UUID(1, 1), Role.SALES_ADMIN, null, NOW.minusSeconds(400L * 86_400), Habit.INTEGRATION));
		return people;
	}

	@Test
	void generatesTheSameRowsFromTheSameSeed() {
		UsageDataGenerator first = new UsageDataGenerator(42, FROM, NOW);
		UsageDataGenerator second = new UsageDataGenerator(42, FROM, NOW);
		assertThat(second.fingerprint(people(second, 60))).isEqualTo(first.fingerprint(people(first, 60)));
		assertThat(second.dayRows(LocalDate.of(2026, 2, 3), people(second, 60)).events.toString())
			.isEqualTo(first.dayRows(LocalDate.of(2026, 2, 3), people(first, 60)).events.toString());
	}

	@Test
	void generatesOtherRowsFromAnotherSeed() {
		UsageDataGenerator generator = new UsageDataGenerator(42, FROM, NOW);
		UsageDataGenerator other = new UsageDataGenerator(43, FROM, NOW);
		assertThat(other.fingerprint(people(other, 60))).isNotEqualTo(generator.fingerprint(people(generator, 60)));
	}

	@Test
	void weekdaysAreBusierThanWeekendsAndDailyUsersBusierThanWeeklyOnes() {
		UsageDataGenerator generator = new UsageDataGenerator(42, FROM, NOW);
		List<Person> people = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			people.add(Person.of(new UUID(2, i), Role.REP, null, NOW.minusSeconds(400L * 86_400),
					i < 20 ? Habit.DAILY : Habit.WEEKLY));
		}
		// Tuesday 2026-02-03 and Saturday 2026-02-07
		UsageDataGenerator.Writer tuesday = generator.dayRows(LocalDate.of(2026, 2, 3), people);
		UsageDataGenerator.Writer saturday = generator.dayRows(LocalDate.of(2026, 2, 7), people);
		assertThat(tuesday.events.rows()).isGreaterThan(10 * saturday.events.rows());
		long daily = tuesday.daily.toString()
			.lines()
			.filter(l -> l.startsWith("00000000-0000-0002-0000-0000000000")
					&& Integer.parseInt(l.substring(34, 36), 16) < 20)
			.count();
		assertThat(daily).isGreaterThan(15);
		assertThat(tuesday.daily.rows() - daily).isLessThan(12);
	}

	@Test
	void writesNothingAfterTheEndNorBeforeProvisioning() {
		UsageDataGenerator generator = new UsageDataGenerator(42, FROM, NOW);
		List<Person> people = List.of(
				Person.of(new UUID(3, 1), Role.EXECUTIVE, null, NOW.minusSeconds(86_400 * 100), Habit.DAILY),
				Person.of(new UUID(3, 2), Role.REP, null, NOW.plusSeconds(86_400), Habit.DAILY));
		String today = generator.dayRows(LocalDate.of(2026, 3, 13), people).events.toString();
		assertThat(today.lines().map(l -> l.split("\t")[2]).filter(t -> t.compareTo("2026-03-13 15:30:00.000+00") > 0))
			.isEmpty();
		assertThat(today).doesNotContain("00000000-0000-0003-0000-000000000002");
	}

	@Test
	void anIntegrationAccountCallsTheApiAroundTheClockEveryDay() {
		UsageDataGenerator generator = new UsageDataGenerator(42, FROM, NOW).apiCallsPerDay(200);
		List<Person> people = List
			.of(Person.of(new UUID(4, 1), Role.SALES_ADMIN, null, NOW.minusSeconds(86_400 * 100), Habit.INTEGRATION));
		String sunday = generator.dayRows(LocalDate.of(2026, 2, 8), people).events.toString();
		assertThat(sunday.lines().filter(l -> l.contains("\tAPI_CALL\t"))).hasSizeGreaterThan(100);
		assertThat(sunday.lines().map(l -> l.split("\t")[2].substring(11, 13)).distinct()).hasSizeGreaterThan(20);
		assertThat(sunday.lines().map(l -> l.split("\t")[7])).containsOnly("API");
	}

}
