package dev.bellwether.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.Ids;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo company's weekly forecast submissions ("the call") over its history: each
 * manager submitted their team's forecast for the fiscal quarter every Monday at 09:00,
 * after the 06:00 pipeline snapshot — the open figures are that snapshot's deals closing
 * in the quarter, by forecast category, of everyone below them in today's hierarchy;
 * Closed is the deals won by then (won now, closed at or before it) closing in the
 * quarter; no adjustments (adjusted = gross); the team quota set for the quarter. A
 * manager who stopped using Bellwether (the East region's, {@link DemoUsage#stoppedOn})
 * stopped submitting that day. One statement a week, so the demo start stays fast.
 */
final class DemoSubmissions {

	static final LocalTime SUBMITTED_AT = LocalTime.of(9, 0);

	private DemoSubmissions() {
	}

	/**
	 * @param managers every manager of the demo (someone with reports)
	 * @param stopped the day a manager stopped using Bellwether, by id (absent: never)
	 * @param asOf the end of the demo's history: submissions strictly before it
	 * @return how many submissions were written
	 */
	static int reconstruct(JdbcTemplate jdbc, FiscalCalendar calendar, Collection<UUID> managers,
			Map<UUID, LocalDate> stopped, Instant asOf) {
		OffsetDateTime first = jdbc.queryForObject("select min(changed_at) from opportunity_history",
				OffsetDateTime.class);
		if (first == null || managers.isEmpty()) {
			return 0;
		}
		LocalDate monday = first.atZoneSameInstant(calendar.zone())
			.toLocalDate()
			.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
		int written = 0;
		for (; monday.atTime(SUBMITTED_AT)
			.atZone(calendar.zone())
			.toInstant()
			.isBefore(asOf); monday = monday.plusWeeks(1)) {
			LocalDate day = monday;
			List<String> submitting = new ArrayList<>();
			for (UUID manager : managers) {
				LocalDate stoppedOn = stopped.get(manager);
				if (stoppedOn == null || day.isBefore(stoppedOn)) {
					submitting.add(manager.toString());
				}
			}
			if (submitting.isEmpty()) {
				continue;
			}
			Instant snapshotAt = day.atTime(LocalTime.of(6, 0)).atZone(calendar.zone()).toInstant();
			Instant at = day.atTime(SUBMITTED_AT).atZone(calendar.zone()).toInstant();
			FiscalPeriod quarter = calendar.periodOf(FiscalPeriod.Kind.QUARTER, day);
			String week = "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR),
					day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
			written += jdbc.update(
					"""
									insert into forecast_submissions (id, user_id, period_code, submitted_at, submitted_minute, iso_week,
									  closed, commit_amount, best_case, pipeline, omitted, adjusted_commit, adjusted_best_case,
									  adjusted_pipeline, quota)
									with recursive heads(head) as (select unnest(?::uuid[])),
									org(head, member) as (
									  select head, head from heads
									  union all
									  select org.head, u.id from users u join org on u.manager_id = org.member
									),
									open_deals as (
									  select org.head, d.forecast_category, coalesce(d.amount, 0) as amount
									  from pipeline_snapshot_deals d join org on d.owner_id = org.member
									  where d.snapshot_id = ? and d.close_date between ? and ?
									),
									won as (
							  select org.head, coalesce(o.amount, 0) as amount
							  from opportunities o join org on o.owner_id = org.member
							  join pipeline_stages s on s.id = o.stage_id
							  where o.deleted_at is null and s.outcome = 'WON' and o.closed_at <= ?
							    and o.close_date between ? and ?
							),
							figures as (
									  select h.head,
									    coalesce((select sum(amount) from won w where w.head = h.head), 0) as closed,
									    coalesce((select sum(amount) from open_deals d where d.head = h.head
									              and d.forecast_category = 'COMMIT'), 0) as commit_amount,
									    coalesce((select sum(amount) from open_deals d where d.head = h.head
									              and d.forecast_category = 'BEST_CASE'), 0) as best_case,
									    coalesce((select sum(amount) from open_deals d where d.head = h.head
									              and d.forecast_category = 'PIPELINE'), 0) as pipeline,
									    coalesce((select sum(amount) from open_deals d where d.head = h.head
									              and d.forecast_category = 'OMITTED'), 0) as omitted
									  from heads h
									)
									select md5(f.head::text || ?)::uuid, f.head, ?, ?, ?, ?, f.closed, f.commit_amount, f.best_case,
									  f.pipeline, f.omitted, f.commit_amount, f.best_case, f.pipeline,
									  (select q.amount from forecast_quotas q where q.user_id = f.head and q.period_code = ?
									   and q.kind = 'TEAM')
									from figures f
									on conflict do nothing
									""",
					"{" + String.join(",", submitting) + "}", Ids.derived(snapshotAt, 0, "demo pipeline snapshot"),
					quarter.start(), quarter.end(), when, quarter.start(), quarter.end(),
					" demo submission " + at + " " + quarter.code(), quarter.code(), when,
					OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC), week, quarter.code());
		}
		return written;
	}

}
