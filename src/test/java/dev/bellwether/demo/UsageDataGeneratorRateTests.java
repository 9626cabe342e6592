package dev.bellwether.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.bellwether.demo.UsageDataGenerator.Habit;
import dev.bellwether.demo.UsageDataGenerator.Person;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the usage generator writes at the benchmark's scale (5,000 people, 13 months,
 * about 20 million events), into a PostgreSQL of its own with the real schema and
 * indexes. Run on demand only:
 * {@code ./mvnw test -Dtest=UsageDataGeneratorRateTests -Dusage.rate=true} (and
 * {@code -Dusage.rate.days=395 -Dusage.rate.threads=4} to change the scale).
 */
@EnabledIfSystemProperty(named = "usage.rate", matches = "true")
class UsageDataGeneratorRateTests {

	@Test
	void writesWellOverFiftyThousandEventsASecond() throws Exception {
		int people = Integer.getInteger("usage.rate.people", 5_000);
		int days = Integer.getInteger("usage.rate.days", 395);
		int threads = Integer.getInteger("usage.rate.threads", 3);
		Path dir = Files.createTempDirectory("usage-rate");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(true)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("shared_buffers", "512MB")
			.setServerConfig("max_wal_size", "4GB")
			.start()) {
			DataSource dataSource = postgres.getPostgresDatabase();
			Flyway.configure().dataSource(dataSource).load().migrate();
			Instant now = Instant.parse("2026-06-17T10:00:00Z");
			UsageDataGenerator generator = new UsageDataGenerator(20260101,
					LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1), now)
				.apiCallsPerDay(2_000);
			SalesDataGenerator.Organisation organisation = new SalesDataGenerator(20260101, now, 5, 3)
				.organisation(people, "rate.");
			List<Person> persons = new ArrayList<>();
			Instant provisioned = now.minus(Duration.ofDays(days + 30));
			for (SalesDataGenerator.Member member : organisation.members()) {
				persons.add(generator.typical(member.id(), member.role(), member.managerId(), provisioned));
			}
			for (int i = 0; i < 5; i++) {
				persons.add(Person.of(new java.util.UUID(99, i), dev.bellwether.identity.Role.SALES_ADMIN, null,
						provisioned, Habit.INTEGRATION));
			}
			long started = System.nanoTime();
			UsageDataGenerator.Counts written = generator.generate(dataSource, persons, threads);
			double seconds = (System.nanoTime() - started) / 1e9;
			long rows = new JdbcTemplate(dataSource).queryForObject("select count(*) from usage_events", Long.class);
			System.out.printf(
					"usage rate: %d people, %d days, %d threads: %d events, %d daily rows in %.1f s = %.0f "
							+ "events/s%n",
					persons.size(), days, threads, written.events(), written.dailyRows(), seconds,
					written.events() / seconds);
			assertThat(rows).isEqualTo(written.events());
			assertThat(written.events() / seconds).isGreaterThan(50_000);
		}
	}

}
