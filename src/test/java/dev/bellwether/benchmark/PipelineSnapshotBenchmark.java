package dev.bellwether.benchmark;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.forecasting.PipelineChangeReport;
import dev.bellwether.forecasting.PipelineChanges;
import dev.bellwether.forecasting.PipelineSnapshots;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly pipeline snapshot at scale (target: a million deals in under 30 s): not part
 * of the suite (the class name matches no test pattern); run it on demand with
 * {@code ./mvnw -o test -Dtest=PipelineSnapshotBenchmark -Dbench.scale=1} (scale 1: the
 * benchmark company of a million deals, generated with the demo's generator into the test
 * database). It runs in the test suite's application context (embedded PostgreSQL with
 * fsync off), so the figures are an upper bound of what a durable server gives on the
 * same machine. Also times what changed between two snapshots and since the first, for
 * the whole company.
 */
@IntegrationTest
class PipelineSnapshotBenchmark {

	@Autowired
	DataSource dataSource;

	@Autowired
	UserDirectory users;

	@Autowired
	TestUsers testUsers;

	@Autowired
	PipelineSnapshots snapshots;

	@Autowired
	PipelineChanges changes;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measuresTheWeeklySnapshot() {
		BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
		int runs = Integer.getInteger("bench.snapshot.runs", 3);
		BenchmarkData.Generated generated = new BenchmarkData(this.dataSource, System.out).generate(settings,
				this.users.encodePassword(BenchmarkData.PASSWORD).hash());
		long deals = this.jdbc.sql("select count(*) from opportunities").query(Long.class).single();
		long open = this.jdbc.sql("select count(*) from opportunities where closed_at is null and deleted_at is null")
			.query(Long.class)
			.single();

		List<PipelineSnapshots.Snapshot> taken = new ArrayList<>();
		List<Double> seconds = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			long started = System.nanoTime();
			PipelineSnapshots.Taken weekly = this.snapshots.takeWeekly();
			seconds.add((System.nanoTime() - started) / 1e9);
			assertThat(weekly.taken()).isTrue();
			assertThat(weekly.snapshot().dealCount()).isEqualTo(open);
			taken.add(weekly.snapshot());
			// free the minute for the next run (one snapshot of a kind per minute)
			this.jdbc
				.sql("update pipeline_snapshots set taken_minute = taken_minute - make_interval(days => :days)"
						+ " where id = :id")
				.param("days", run + 1)
				.param("id", weekly.snapshot().id())
				.update();
		}

		Viewer executive = TestUsers.viewer(this.testUsers.create(Role.EXECUTIVE));
		FiscalPeriod quarter = this.calendar.periodOf(FiscalPeriod.Kind.QUARTER, LocalDate.now(ZoneOffset.UTC));
		long started = System.nanoTime();
		PipelineChangeReport between = this.changes.between(executive, taken.get(0).id(),
				taken.get(taken.size() - 1).id(), quarter, PipelineChanges.Scope.all());
		double betweenSeconds = (System.nanoTime() - started) / 1e9;
		started = System.nanoTime();
		PipelineChangeReport live = this.changes.between(executive, taken.get(0).id(), null, quarter,
				PipelineChanges.Scope.all());
		double liveSeconds = (System.nanoTime() - started) / 1e9;

		StringBuilder rows = new StringBuilder();
		for (int run = 0; run < runs; run++) {
			rows.append(String.format("| weekly snapshot, run %d | %,d | %.1f | %,.0f |%n", run + 1, open,
					seconds.get(run), open / seconds.get(run)));
		}
		if (Boolean.parseBoolean(System.getProperty("bench.snapshot.all-open", "true"))) {
			// the worst case: every deal open (their stages stay as they were)
			this.jdbc.sql("update opportunities set closed_at = null where closed_at is not null").update();
			this.jdbc.sql("vacuum (analyze) opportunities").update();
			long all = this.jdbc.sql("select count(*) from opportunities where deleted_at is null")
				.query(Long.class)
				.single();
			for (int run = 0; run < runs; run++) {
				long started2 = System.nanoTime();
				PipelineSnapshots.Taken weekly = this.snapshots.takeWeekly();
				double took = (System.nanoTime() - started2) / 1e9;
				assertThat(weekly.snapshot().dealCount()).isEqualTo(all);
				this.jdbc
					.sql("update pipeline_snapshots set taken_minute = taken_minute - make_interval(days => :days)"
							+ " where id = :id")
					.param("days", runs + run + 1)
					.param("id", weekly.snapshot().id())
					.update();
				rows.append(String.format("| weekly snapshot with every deal open, run %d | %,d | %.1f | %,.0f |%n",
						run + 1, all, took, all / took));
			}
		}
		System.out.printf(
				"""

						Pipeline snapshot benchmark (scale %s: %,d deals, %,d open; generated in %.0f s; test database: fsync off, 2 shared cores)
						| what | open deals | seconds | deals/s |
						|---|---:|---:|---:|
						%s| what changed in %s between two snapshots, executive | %,d in the period | %.1f | |
						| what changed in %s since the first snapshot (live), executive | %,d in the period | %.1f | |
						%n""",
				settings.scale(), deals, open, generated.totalSeconds(), rows, quarter.code(), between.start().count(),
				betweenSeconds, quarter.code(), live.start().count(), liveSeconds);
	}

}
