package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.platform.SqlArrays;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Forecasts derived from the pipeline snapshots (the module's own tables): each snapshot
 * is a forecast made when it was taken, and its open part is the snapshot's deals in
 * Commit closing in the period. Also the deals behind those figures, for drilling and for
 * the commit-to-close rate.
 */
@Component
class SnapshotForecastCalls implements ForecastCallSource {

	private final JdbcClient jdbc;

	SnapshotForecastCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Call> calls(Instant from, Instant to) {
		return this.jdbc.sql("""
				select id, taken_at from pipeline_snapshots where taken_at >= :from and taken_at < :to
				order by taken_at, id
				""")
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, n) -> new Call(rs.getObject("id", UUID.class), instant(rs, "taken_at")))
			.list();
	}

	@Override
	public Map<Asked, Map<UUID, BigDecimal>> commitByOwner(List<Asked> asked, Set<UUID> owners) {
		Map<Asked, Map<UUID, BigDecimal>> byCall = new HashMap<>();
		if (asked.isEmpty() || owners.isEmpty()) {
			return byCall;
		}
		this.jdbc.sql("""
				select a.n, d.owner_id, sum(coalesce(d.amount, 0)) as amount
				from unnest(cast(:snapshots as uuid[]), cast(:firsts as date[]), cast(:lasts as date[]))
				     with ordinality as a(snapshot_id, first_day, last_day, n)
				join pipeline_snapshot_deals d on d.snapshot_id = a.snapshot_id
				 and d.close_date between a.first_day and a.last_day
				where d.forecast_category = 'COMMIT' and d.owner_id = any(cast(:owners as uuid[]))
				group by a.n, d.owner_id
				""")
			.param("snapshots", SqlArrays.of(asked.stream().map(a -> a.call().id()).toList()))
			.param("firsts", SqlArrays.of(asked.stream().map(Asked::firstDay).toList()))
			.param("lasts", SqlArrays.of(asked.stream().map(Asked::lastDay).toList()))
			.param("owners", SqlArrays.of(owners))
			.query((RowCallbackHandler) rs -> byCall
				.computeIfAbsent(asked.get(rs.getInt("n") - 1), a -> new HashMap<>())
				.put(rs.getObject("owner_id", UUID.class), rs.getBigDecimal("amount")));
		return byCall;
	}

	/**
	 * The deals in Commit in a snapshot with their close date between two days, owned by
	 * one of the owners, largest first.
	 */
	List<CommitDeal> commitDeals(UUID snapshotId, LocalDate firstDay, LocalDate lastDay, Set<UUID> owners) {
		if (owners.isEmpty()) {
			return List.of();
		}
		List<CommitDeal> deals = new ArrayList<>();
		this.jdbc.sql("""
				select d.deal_id, d.owner_id, d.amount, d.close_date, d.stage_id from pipeline_snapshot_deals d
				where d.snapshot_id = :snapshot and d.forecast_category = 'COMMIT'
				  and d.close_date between :first and :last and d.owner_id = any(cast(:owners as uuid[]))
				order by d.amount desc nulls last, d.deal_id
				""")
			.param("snapshot", snapshotId)
			.param("first", firstDay)
			.param("last", lastDay)
			.param("owners", SqlArrays.of(owners))
			.query((RowCallbackHandler) rs -> deals
				.add(new CommitDeal(rs.getObject("deal_id", UUID.class), rs.getObject("owner_id", UUID.class),
						rs.getBigDecimal("amount"), rs.getObject("close_date", LocalDate.class))));
		return deals;
	}

	/**
	 * A deal in Commit at a snapshot, as the snapshot has it.
	 */
	record CommitDeal(UUID id, UUID ownerId, BigDecimal amount, LocalDate closeDate) {

		BigDecimal value() {
			return this.amount == null ? BigDecimal.ZERO : this.amount;
		}

	}

}
