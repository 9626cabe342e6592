package dev.bellwether.adoption.internal.capture;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes raw usage events older than {@code bellwether.adoption.raw-retention} (13
 * months unless set), once a day, in batches of {@value #BATCH} rows so that no single
 * statement holds locks or bloats the log for long. The daily roll-ups are kept forever.
 */
@Component
public class RawUsageRetention {

	private static final Logger log = LoggerFactory.getLogger(RawUsageRetention.class);

	static final int BATCH = 10_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Period rawRetention;

	RawUsageRetention(JdbcClient jdbc, Clock clock,
			@Value("${bellwether.adoption.raw-retention:P13M}") Period rawRetention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.rawRetention = rawRetention;
	}

	@Scheduled(cron = "0 30 3 * * *", zone = "UTC")
	@SchedulerLock(name = "adoption.raw-usage-retention", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
	void deleteExpiredDaily() {
		long deleted = deleteExpired();
		if (deleted > 0) {
			log.info("Deleted {} raw usage events older than {}", deleted, this.rawRetention);
		}
	}

	/**
	 * @return now minus the retention period: raw events before it are deleted
	 */
	Instant cutoff() {
		return OffsetDateTime.now(this.clock.withZone(ZoneOffset.UTC)).minus(this.rawRetention).toInstant();
	}

	/**
	 * Deletes the raw events that occurred before now minus the retention period.
	 * @return how many were deleted
	 */
	public long deleteExpired() {
		Instant cutoff = cutoff();
		long total = 0;
		int deleted;
		do {
			deleted = this.jdbc.sql("""
					delete from usage_events where id in (
					  select id from usage_events where occurred_at < :cutoff limit :batch)
					""").param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).param("batch", BATCH).update();
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}

}
