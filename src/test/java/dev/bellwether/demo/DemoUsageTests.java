package dev.bellwether.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.bellwether.demo.UsageDataGenerator.Person;
import dev.bellwether.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's usage story is the same every time for the same seed and seeding day, though
 * its people get new random ids on every seeding and it may be seeded at any time of the
 * day.
 */
class DemoUsageTests {

	static final long SEED = 20260101;

	static final LocalDate SEEDING_DAY = LocalDate.of(2026, 6, 17);

	@Test
	void generatesTheSameStoryForTheSameSeedAndDayWhateverThePeoplesIds() throws Exception {
		String first = story(SEED, SEEDING_DAY, new SplittableRandom(1));
		String second = story(SEED, SEEDING_DAY, new SplittableRandom(2));
		assertThat(second).isEqualTo(first);
		assertThat(first).isNotEqualTo(story(SEED + 1, SEEDING_DAY, new SplittableRandom(1)));
	}

	@Test
	void endsTheStoryAtTheStartOfTheSeedingDay() {
		Map<String, UUID> ids = ids(new SplittableRandom(3));
		Instant until = SEEDING_DAY.atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
		UsageDataGenerator generator = new UsageDataGenerator(SEED, DemoUsage.firstDay(SEEDING_DAY), until);
		List<Person> people = DemoUsage.people(ids, roles(), SEEDING_DAY, until.minusSeconds(86_400L * 560));
		assertThat(generator.dayRows(SEEDING_DAY, people).events.rows()).isZero();
		assertThat(generator.dayRows(SEEDING_DAY.minusDays(1), people).events.rows()).isPositive();
		assertThat(DemoUsage.firstDay(SEEDING_DAY)).isEqualTo(SEEDING_DAY.minusDays(DemoUsage.HISTORY_DAYS));
	}

	@Test
	void theFadingRegionStopsTenToSevenWeeksBeforeTheSeedingDay() {
		Map<String, LocalDate> stopped = DemoUsage.stoppedOn(SEEDING_DAY);
		assertThat(stopped).hasSize(6).containsEntry("mgr.east", SEEDING_DAY.minusDays(70));
		assertThat(stopped.get("rep.east1")).isEqualTo(SEEDING_DAY.minusDays(49));
		assertThat(stopped.get("rep.east5")).isEqualTo(SEEDING_DAY.minusDays(35));
	}

	/**
	 * A digest of every usage row of the thirty weeks with the people's ids replaced by
	 * their usernames, and the rows' own ids left out.
	 */
	static String story(long seed, LocalDate seedingDay, SplittableRandom idRandom) throws Exception {
		Map<String, UUID> ids = ids(idRandom);
		Map<String, String> usernames = new HashMap<>();
		ids.forEach((username, id) -> usernames.put(id.toString(), username));
		Instant until = seedingDay.atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
		UsageDataGenerator generator = new UsageDataGenerator(seed, DemoUsage.firstDay(seedingDay), until);
		List<Person> people = DemoUsage.people(ids, roles(), seedingDay, until.minusSeconds(86_400L * 560));
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		long events = 0;
		for (LocalDate day = DemoUsage.firstDay(seedingDay); day.isBefore(seedingDay); day = day.plusDays(1)) {
			UsageDataGenerator.Writer rows = generator.dayRows(day, people);
			events += rows.events.rows();
			for (String line : rows.events.toString().split("\n")) {
				String[] columns = line.split("\t", -1);
				// id, user_id, occurred_at, kind, module, record_type, record_id, client
				digest.update(String
					.join("\t", usernames.get(columns[1]), columns[2], columns[3], columns[4], columns[5], columns[7])
					.getBytes(StandardCharsets.UTF_8));
			}
			for (String line : rows.daily.toString().split("\n")) {
				int tab = line.indexOf('\t');
				digest.update(
						(usernames.get(line.substring(0, tab)) + line.substring(tab)).getBytes(StandardCharsets.UTF_8));
			}
		}
		assertThat(events).isGreaterThan(50_000);
		return HexFormat.of().formatHex(digest.digest());
	}

	static Map<String, UUID> ids(SplittableRandom random) {
		Map<String, UUID> ids = new HashMap<>();
		DemoPeople.all().forEach(p -> ids.put(p.username(), new UUID(random.nextLong(), random.nextLong())));
		return ids;
	}

	static Map<String, Role> roles() {
		Map<String, Role> roles = new HashMap<>();
		DemoPeople.all().forEach(p -> roles.put(p.username(), p.role()));
		return roles;
	}

}
