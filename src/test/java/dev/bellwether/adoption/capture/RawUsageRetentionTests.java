package dev.bellwether.adoption.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.adoption.internal.capture.DailyUsageRollup;
import dev.bellwether.adoption.internal.capture.RawUsageRetention;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw events older than the retention period (13 months by default) are deleted; younger
 * ones and every daily roll-up stay.
 */
@IntegrationTest
class RawUsageRetentionTests {

	/** More than two batches of the retention job's 10,000 rows. */
	private static final int MORE_THAN_TWO_BATCHES = 25_000;

	@Autowired
	RawUsageRetention retention;

	@Autowired
	Clock clock;

	@Autowired
	DailyUsageRollup rollup;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deletesOnlyRawEventsOlderThanThirteenMonthsAndKeepsTheRollups() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Instant expired = now.minusMonths(13).minusHours(1).toInstant();
		Instant kept = now.minusMonths(13).plusHours(1).toInstant();
		Instant recent = now.minusMonths(12).toInstant();
		UsageEvents events = new UsageEvents(this.jdbc);
		UUID user = UUID.randomUUID();
		events.add(user, now.minusYears(3).toInstant(), "VIEW", "sales", "opportunity", UUID.randomUUID());
		events.add(user, expired, "VIEW", "sales", "opportunity", UUID.randomUUID());
		events.add(user, kept, "SEARCH", "search");
		events.add(user, recent, "LOGIN", null);
		LocalDate recentDay = LocalDate.ofInstant(recent, ZoneOffset.UTC);
		this.rollup.rollUp(recentDay, recentDay);
		// a roll-up of a day long past: kept forever
		this.jdbc.sql("insert into usage_daily (user_id, day, active) values (:user, :day, true)")
			.param("user", user)
			.param("day", LocalDate.ofInstant(expired, ZoneOffset.UTC))
			.update();

		assertThat(this.retention.deleteExpired()).isGreaterThanOrEqualTo(2);

		List<Instant> left = this.jdbc.sql("select occurred_at from usage_events where user_id = :user order by 1")
			.param("user", user)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
		assertThat(left).hasSize(2);
		assertThat(Duration.between(left.get(0), kept).abs()).isLessThan(Duration.ofMillis(1));
		assertThat(Duration.between(left.get(1), recent).abs()).isLessThan(Duration.ofMillis(1));
		assertThat(this.jdbc.sql("select count(*) from usage_daily where user_id = :user")
			.param("user", user)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void deletesInBatchesUntilNothingExpiredIsLeft() {
		Instant expired = OffsetDateTime.now(this.clock).minusMonths(14).toInstant();
		UUID user = UUID.randomUUID();
		this.jdbc.sql("""
				insert into usage_events (id, user_id, occurred_at, kind, module, client)
				select gen_random_uuid(), :user, :at - make_interval(secs => n), 'VIEW', 'home', 'WEB'
				from generate_series(1, :rows) n
				""")
			.param("user", user)
			.param("at", expired.atOffset(ZoneOffset.UTC))
			.param("rows", MORE_THAN_TWO_BATCHES)
			.update();

		assertThat(this.retention.deleteExpired()).isGreaterThanOrEqualTo(MORE_THAN_TWO_BATCHES);

		assertThat(new UsageEvents(this.jdbc).count(user)).isZero();
	}

}
