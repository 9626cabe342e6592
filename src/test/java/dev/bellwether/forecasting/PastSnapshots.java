package dev.bellwether.forecasting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pipeline snapshots stamped at a moment of a test's choosing, for tests outside this
 * package that need forecast calls in a past fiscal period (the service takes snapshots
 * now, and a period's accuracy is only judged once it is over).
 */
public final class PastSnapshots {

	private PastSnapshots() {
	}

	/**
	 * Takes a snapshot of the open pipeline as it is now, stamped {@code at}.
	 * @return the snapshot's id
	 * @throws IllegalStateException when one was already taken in that minute
	 */
	public static UUID take(PipelineSnapshots snapshots, UUID takenBy, Instant at) {
		PipelineSnapshots.Taken taken = snapshots.take(PipelineSnapshots.Kind.ON_DEMAND, takenBy, at);
		if (!taken.taken()) {
			throw new IllegalStateException("A snapshot was already taken in the minute of " + at);
		}
		return taken.snapshot().id();
	}

	/**
	 * @return the next calendar year from {@code years} with no snapshot taken in it or a
	 * month either side, so that no other test's or run's snapshot falls in its weeks
	 * (the database may be shared)
	 */
	public static int freshYear(JdbcClient jdbc, AtomicInteger years) {
		while (true) {
			int candidate = years.getAndIncrement();
			long taken = jdbc.sql("select count(*) from pipeline_snapshots where taken_at >= :from and taken_at < :to")
				.param("from", OffsetDateTime.of(candidate - 1, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC))
				.param("to", OffsetDateTime.of(candidate + 1, 2, 1, 0, 0, 0, 0, ZoneOffset.UTC))
				.query(Long.class)
				.single();
			if (taken == 0) {
				return candidate;
			}
		}
	}

}
