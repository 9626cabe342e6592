package dev.bellwether.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import dev.bellwether.platform.Ids;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo company's weekly pipeline snapshots over its history, as the forecasting
 * module's job would have taken them each Monday at 06:00: each deal as its stage history
 * says it was then (stage, amount, close date, forecast category of the last change
 * before), if its stage then was an open one; its owner as now (the history does not keep
 * owners). So that what changed since a period started tells something on first start.
 */
final class DemoPipelineSnapshots {

	private DemoPipelineSnapshots() {
	}

	/**
	 * @param asOf the end of the demo's history: snapshots strictly before it
	 * @return how many snapshots were written
	 */
	static int reconstruct(JdbcTemplate jdbc, ZoneId zone, Instant asOf) {
		OffsetDateTime first = jdbc.queryForObject("select min(changed_at) from opportunity_history",
				OffsetDateTime.class);
		if (first == null) {
			return 0;
		}
		LocalDate monday = first.atZoneSameInstant(zone)
			.toLocalDate()
			.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
		int written = 0;
		for (Instant at = monday.atTime(LocalTime.of(6, 0)).atZone(zone).toInstant(); at
			.isBefore(asOf); at = at.atZone(zone).plusWeeks(1).toInstant()) {
			OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
			UUID id = Ids.derived(at, 0, "demo pipeline snapshot");
			jdbc.update("""
					insert into pipeline_snapshots (id, kind, taken_at, taken_minute, created_at, updated_at)
					values (?, 'WEEKLY', ?, ?, ?, ?) on conflict do nothing
					""", id, when, OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC), when,
					when);
			jdbc.update("""
					insert into pipeline_snapshot_deals
					  (snapshot_id, deal_id, owner_id, stage_id, stage_position, forecast_category, amount, close_date)
					select ?, o.id, o.owner_id, h.to_stage_id, s.position, h.to_forecast_category, h.to_amount,
					       h.to_close_date
					from opportunities o
					join lateral (
					  select * from opportunity_history h
					  where h.opportunity_id = o.id and h.changed_at <= ?
					  order by h.changed_at desc, h.id desc limit 1
					) h on true
					join pipeline_stages s on s.id = h.to_stage_id
					where o.deleted_at is null and s.outcome = 'OPEN'
					on conflict do nothing
					""", id, when);
			jdbc.update("""
					update pipeline_snapshots p set deal_count = d.deals, amount = d.amount, duration_ms = 0
					from (select count(*) as deals, coalesce(sum(amount), 0) as amount
					      from pipeline_snapshot_deals where snapshot_id = ?) d
					where p.id = ?
					""", id, id);
			written++;
		}
		return written;
	}

}
