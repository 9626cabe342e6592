package dev.bellwether.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.PipelineSnapshots;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The forecasting benchmark's history: {@value #WEEKS} weekly pipeline snapshots. The
 * newest is a real one, taken with {@link PipelineSnapshots#takeWeekly()} (and timed: the
 * target is a million deals in under 30 s); the {@value #EARLIER} before it, a week apart
 * each, are derived from it in SQL, set-based, with a drift that grows with the age of
 * the snapshot (each from a hash of the deal and the week, so the same every run):
 * <ul>
 * <li>a deal is absent (not created yet) in week {@code k} before the newest when its
 * hash mod 1000 is below {@code 3k} (about 30% of them 99 weeks back);</li>
 * <li>its stage one open stage earlier with a chance of {@code k/2} %;</li>
 * <li>its amount up to ±10% off, differently each week;</li>
 * <li>its close date 0–4 weeks off either way, differently each week;</li>
 * <li>its forecast category one step less certain (Commit → Best case → Pipeline) with a
 * chance of 20%.</li>
 * </ul>
 * The test code writes the snapshot table directly: it is data generation, not the
 * application. Quotas: each rep's and manager's for the current fiscal quarter, so that
 * the grid computes attainment and coverage as it does in use.
 */
final class ForecastBenchmarkData {

	static final int WEEKS = 100;

	static final int EARLIER = WEEKS - 1;

	private ForecastBenchmarkData() {
	}

	/**
	 * @param now the application's clock's instant: when the quotas are written
	 * @return the seconds the real weekly snapshot took and its deals, or null when the
	 * snapshots were there already
	 */
	static Taken prepare(ConfigurableApplicationContext context, JdbcTemplate jdbc, String quarterCode, Instant now,
			PrintStream out) {
		Long weekly = jdbc.queryForObject("select count(*) from pipeline_snapshots where kind = 'WEEKLY'", Long.class);
		if (weekly != null && weekly >= WEEKS) {
			// the history is there: time one more weekly snapshot, then drop it again
			long started = System.nanoTime();
			PipelineSnapshots.Taken taken = context.getBean(PipelineSnapshots.class).takeWeekly();
			double seconds = (System.nanoTime() - started) / 1e9;
			jdbc.update("delete from pipeline_snapshots where id = ?", taken.snapshot().id());
			out.printf("  weekly snapshot of %,d open deals in %.1f s (dropped again)%n", taken.snapshot().dealCount(),
					seconds);
			return new Taken(taken.snapshot().dealCount(), seconds, 0, null, 0, 0);
		}
		jdbc.update("delete from pipeline_snapshots");
		long started = System.nanoTime();
		PipelineSnapshots.Taken taken = context.getBean(PipelineSnapshots.class).takeWeekly();
		double seconds = (System.nanoTime() - started) / 1e9;
		UUID newest = taken.snapshot().id();
		out.printf("  weekly snapshot of %,d open deals in %.1f s%n", taken.snapshot().dealCount(), seconds);
		started = System.nanoTime();
		for (int k = 1; k <= EARLIER; k++) {
			UUID id = new UUID(0x0190000000007000L, 0x8000000000000000L | k);
			jdbc.update("""
					insert into pipeline_snapshots (id, kind, taken_at, taken_minute, deal_count, amount, duration_ms,
					  created_at, updated_at)
					select ?, 'WEEKLY', taken_at - make_interval(weeks => ?), taken_minute - make_interval(weeks => ?),
					  0, 0, null, created_at - make_interval(weeks => ?), updated_at - make_interval(weeks => ?)
					from pipeline_snapshots where id = ?
					""", id, k, k, k, k, newest);
			jdbc.update("""
					insert into pipeline_snapshot_deals (snapshot_id, deal_id, owner_id, stage_id, stage_position,
					  forecast_category, amount, close_date)
					select ?, d.deal_id, d.owner_id, coalesce(earlier.id, d.stage_id),
					  coalesce(earlier.position, d.stage_position),
					  case when (h.h / 131) % 5 = 0 and d.forecast_category = 'COMMIT' then 'BEST_CASE'
					       when (h.h / 131) % 5 = 0 and d.forecast_category = 'BEST_CASE' then 'PIPELINE'
					       else d.forecast_category end,
					  round(d.amount * (1 + ((h.h + ? * 7919) % 21 - 10) / 100.0), 2),
					  d.close_date + cast(((h.h / 7 + ?) % 9 - 4) * 7 as integer)
					from pipeline_snapshot_deals d
					cross join lateral (select (hashtext(d.deal_id::text)::bigint & 2147483647) as h) h
					left join lateral (select s.id, s.position from pipeline_stages s
					  where s.outcome = 'OPEN' and s.position < d.stage_position and (h.h / 1009) % 200 < ?
					  order by s.position desc limit 1) earlier on true
					where d.snapshot_id = ? and h.h % 1000 >= ? * 3
					""", id, k, k, k, newest, k);
			jdbc.update("""
					update pipeline_snapshots set (deal_count, amount) = (select count(*), coalesce(sum(amount), 0)
					  from pipeline_snapshot_deals where snapshot_id = ?) where id = ?
					""", id, id);
		}
		double derived = (System.nanoTime() - started) / 1e9;
		jdbc.execute("vacuum (analyze) pipeline_snapshot_deals");
		jdbc.execute("vacuum (analyze) pipeline_snapshots");
		Long rows = jdbc.queryForObject("select count(*) from pipeline_snapshot_deals", Long.class);
		out.printf("  derived %d earlier weekly snapshots (%,d snapshot rows in all) in %.1f s%n", EARLIER, rows,
				derived);
		OffsetDateTime written = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		int quotas = jdbc.update(
				"""
						insert into forecast_quotas (id, user_id, period_code, kind, amount, created_at, updated_at)
						select gen_random_uuid(), u.id, ?, 'PERSONAL', 250000 + ((hashtext(u.id::text)::bigint & 2147483647) % 20) * 25000, ?, ?
						from users u where u.username like ? and u.role in ('REP', 'MANAGER')
						on conflict do nothing
						""",
				quarterCode, written, written, BenchmarkData.USERNAME_PREFIX + "%");
		jdbc.execute("analyze forecast_quotas");
		return new Taken(taken.snapshot().dealCount(), seconds, EARLIER, rows, derived, quotas);
	}

	/** The newest two weekly snapshots: what changed last week. */
	static List<UUID> lastWeek(JdbcTemplate jdbc) {
		List<UUID> ids = jdbc.queryForList(
				"select id from pipeline_snapshots where kind = 'WEEKLY' order by taken_at desc limit 2", UUID.class);
		if (ids.size() < 2) {
			throw new IllegalStateException("Fewer than two weekly snapshots");
		}
		return List.of(ids.get(1), ids.get(0));
	}

	record Taken(long deals, double seconds, int derived, Long snapshotRows, double derivedSeconds, int quotas) {

		Duration duration() {
			return Duration.ofMillis((long) (this.seconds * 1000));
		}

	}

}
