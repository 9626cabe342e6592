package dev.bellwether.adoption.capture;

import java.time.Clock;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.bellwether.IntegrationTest;
import dev.bellwether.adoption.internal.capture.CaptureProperties;
import dev.bellwether.adoption.internal.capture.UsageEvent;
import dev.bellwether.adoption.internal.capture.UsageEvent.Client;
import dev.bellwether.adoption.internal.capture.UsageEventWriter;
import dev.bellwether.adoption.internal.capture.UsageRecorder;
import dev.bellwether.platform.usage.UsageKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The recorder on its own, on the real database: it writes what request threads queue,
 * and a full queue or a failing database never blocks them or makes them fail.
 */
@IntegrationTest
class UsageRecorderTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private UsageRecorder recorder(int capacity, Duration flushInterval, int batchSize, DataSource database) {
		return new UsageRecorder(new CaptureProperties(true, capacity, flushInterval, batchSize),
				new UsageEventWriter(database), this.meters);
	}

	private static UsageEvent view(UUID user, Instant at) {
		return new UsageEvent(user, at, UsageKind.VIEW, "sales", "opportunity", UUID.randomUUID(), Client.WEB);
	}

	private long rowsOf(UUID user) {
		return this.jdbc.sql("select count(*) from usage_events where user_id = :user")
			.param("user", user)
			.query(Long.class)
			.single();
	}

	private double dropped(String reason) {
		return this.meters.counter("bellwether.adoption.capture.dropped", "reason", reason).count();
	}

	@Test
	void writesAQueuedBatchWithEveryField() {
		UsageRecorder recorder = recorder(100, Duration.ofHours(1), 1000, this.dataSource);
		UUID user = UUID.randomUUID();
		UUID deal = UUID.randomUUID();
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		recorder.record(new UsageEvent(user, at, UsageKind.VIEW, "sales", "opportunity", deal, Client.API));
		recorder.record(new UsageEvent(user, at.plusMillis(5), UsageKind.SEARCH, "search", null, null, Client.WEB));
		recorder.record(new UsageEvent(user, at.plusMillis(9), UsageKind.LOGIN, null, null, null, Client.WEB));

		assertThat(recorder.flush()).isEqualTo(3);

		List<String> rows = this.jdbc.sql("""
				select kind, module, record_type, record_id, client, occurred_at from usage_events
				where user_id = :user order by occurred_at
				""")
			.param("user", user)
			.query((rs, n) -> String.join("|", rs.getString("kind"), String.valueOf(rs.getString("module")),
					String.valueOf(rs.getString("record_type")), String.valueOf(rs.getObject("record_id")),
					rs.getString("client"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant().toString()))
			.list();
		assertThat(rows).containsExactly("VIEW|sales|opportunity|" + deal + "|API|" + at,
				"SEARCH|search|null|null|WEB|" + at.plusMillis(5), "LOGIN|null|null|null|WEB|" + at.plusMillis(9));
		assertThat(this.jdbc.sql("select count(distinct id) from usage_events where user_id = :user")
			.param("user", user)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(recorder.queued()).isZero();
	}

	@Test
	void aFullQueueDropsAndCountsWithoutBlockingAndKeepsWhatFitted() {
		UsageRecorder recorder = recorder(50, Duration.ofHours(1), 1000, this.dataSource);
		UUID user = UUID.randomUUID();
		Instant at = this.clock.instant();

		int[] queued = new int[1];
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			for (int i = 0; i < 5_000; i++) {
				if (recorder.record(view(user, at.plusMillis(i)))) {
					queued[0]++;
				}
			}
		});

		assertThat(queued[0]).isEqualTo(50);
		assertThat(dropped("queue-full")).isEqualTo(4_950);
		assertThat(recorder.flush()).isEqualTo(50);
		assertThat(rowsOf(user)).isEqualTo(50);
		// room again once written
		assertThat(recorder.record(view(user, at))).isTrue();
	}

	@Test
	void aFailingDatabaseIsRetriedOnceThenTheBatchIsDroppedAndCountedNeverThrown() {
		FailingDataSource broken = new FailingDataSource();
		UsageRecorder recorder = recorder(100, Duration.ofHours(1), 1000, broken);
		UUID user = UUID.randomUUID();
		for (int i = 0; i < 7; i++) {
			recorder.record(view(user, this.clock.instant()));
		}

		assertThat(recorder.flush()).isZero();

		assertThat(dropped("write-failed")).isEqualTo(7);
		assertThat(broken.attempts).isEqualTo(2);
		assertThat(recorder.queued()).isZero();
	}

	@Test
	void theWriterWritesWhenABatchIsWaitingWithoutWaitingForTheInterval() throws Exception {
		UsageRecorder recorder = recorder(100, Duration.ofHours(1), 3, this.dataSource);
		recorder.start();
		try {
			UUID user = UUID.randomUUID();
			recorder.record(view(user, this.clock.instant()));
			recorder.record(view(user, this.clock.instant()));
			recorder.record(view(user, this.clock.instant()));
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (rowsOf(user) < 3 && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			assertThat(rowsOf(user)).isEqualTo(3);
		}
		finally {
			recorder.stop();
		}
	}

	@Test
	void stoppingWritesWhatIsStillQueued() {
		UsageRecorder recorder = recorder(100, Duration.ofHours(1), 1000, this.dataSource);
		recorder.start();
		UUID user = UUID.randomUUID();
		recorder.record(view(user, this.clock.instant()));
		recorder.record(view(user, this.clock.instant()));

		recorder.stop();

		assertThat(recorder.isRunning()).isFalse();
		assertThat(rowsOf(user)).isEqualTo(2);
	}

	@Test
	void nothingIsQueuedWhileCaptureIsOff() {
		UsageRecorder recorder = recorder(100, Duration.ofHours(1), 1000, this.dataSource);
		recorder.setEnabled(false);

		assertThat(recorder.record(view(UUID.randomUUID(), this.clock.instant()))).isFalse();
		assertThat(recorder.queued()).isZero();
	}

	/**
	 * A database that cannot be reached, counting how often it was asked.
	 */
	static class FailingDataSource implements DataSource {

		int attempts;

		@Override
		public Connection getConnection() throws SQLException {
			this.attempts++;
			throw new SQLException("Connection refused");
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("Not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

	}

}
