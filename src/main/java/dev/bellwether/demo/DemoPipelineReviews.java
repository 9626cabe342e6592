package dev.bellwether.demo;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.Ids;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The regional managers' weekly pipeline reviews of their teams over the usage story's
 * thirty weeks, held on the first working day of the week (Tuesday to Friday) on which
 * the manager used Bellwether: so the {@value DemoUsage#FADING_REGION} manager's reviews
 * stop when she stopped using it. Each walks the team's deals closing in that quarter as
 * the week's Monday snapshot had them (the twelve largest), with a note on some, and is
 * counted as her {@code forecasting:MEETING_MODE} usage that day. Run after the usage and
 * the snapshots are seeded.
 */
final class DemoPipelineReviews {

	static final int DEALS_PER_REVIEW = 12;

	private static final String[] NOTES = { "Confirm the decision date with the economic buyer.",
			"Procurement involved: ask for the paper process.", "Champion on leave until next week; follow up then.",
			"Competitor shortlisted: send the reference call.", "Budget approved; legal review next." };

	private DemoPipelineReviews() {
	}

	/**
	 * @return how many reviews were written
	 */
	static int seed(JdbcTemplate jdbc, FiscalCalendar calendar, Map<String, UUID> ids, LocalDate seedingDay) {
		int written = 0;
		LocalDate firstMonday = DemoUsage.firstDay(seedingDay).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
		for (String region : DemoPeople.all()
			.stream()
			.filter(p -> p.username().startsWith("mgr."))
			.map(p -> p.username().substring(4))
			.toList()) {
			UUID manager = ids.get("mgr." + region);
			List<UUID> team = new ArrayList<>();
			DemoPeople.all()
				.stream()
				.filter(p -> ("mgr." + region).equals(p.manager()))
				.forEach(p -> team.add(ids.get(p.username())));
			List<UUID> owners = new ArrayList<>(team);
			owners.add(manager);
			String ownerArray = "{" + String.join(",", owners.stream().map(UUID::toString).toList()) + "}";
			for (LocalDate monday = firstMonday; monday.isBefore(seedingDay); monday = monday.plusWeeks(1)) {
				LocalDate held = jdbc.queryForObject(
						"""
								select min(day) from usage_daily where user_id = ? and active and day between ? and ? and day < ?
								""",
						LocalDate.class, manager, Date.valueOf(monday.plusDays(1)), Date.valueOf(monday.plusDays(4)),
						Date.valueOf(seedingDay));
				if (held == null) {
					continue;
				}
				Instant started = held.atTime(LocalTime.of(10, 0)).atZone(calendar.zone()).toInstant();
				Instant ended = started.plus(Duration.ofMinutes(40));
				FiscalPeriod quarter = calendar.periodOf(FiscalPeriod.Kind.QUARTER, held);
				UUID snapshot = Ids.derived(monday.atTime(LocalTime.of(6, 0)).atZone(calendar.zone()).toInstant(), 0,
						"demo pipeline snapshot");
				UUID id = Ids.derived(started, written, "demo pipeline review " + region);
				jdbc.update(
						"""
								insert into pipeline_reviews (id, subject_kind, subject_id, period, run_by, started_at, ended_at,
								                              created_at, created_by, updated_at, updated_by)
								values (?, 'TEAM', ?, ?, ?, ?, ?, ?, ?, ?, ?)
								""",
						id, manager, quarter.code(), manager, utc(started), utc(ended), utc(started), manager,
						utc(ended), manager);
				jdbc.update("""
						insert into pipeline_review_attendees (review_id, user_id)
						select ?, unnest(cast(? as uuid[]))
						""", id, "{" + String.join(",", team.stream().map(UUID::toString).toList()) + "}");
				int deals = jdbc.update(
						"""
								insert into pipeline_review_deals (review_id, deal_id, position, reason, amount_at_start,
								                                   close_date_at_start, discussed_at, note)
								select ?, deal_id, n, 'IN_PERIOD', amount, close_date, cast(? as timestamptz) + n * interval '3 minutes',
								       case when n % 3 = 1 then (cast(? as text[]))[1 + (n / 3) % ?] end
								from (
								  select d.deal_id, d.amount, d.close_date,
								         cast(row_number() over (order by d.amount desc nulls last, d.deal_id) as int) as n
								  from pipeline_snapshot_deals d
								  where d.snapshot_id = ? and d.owner_id = any(cast(? as uuid[]))
								    and d.close_date between ? and ?
								) top where n <= ?
								""",
						id, utc(started), "{" + String.join(",", quoted()) + "}", NOTES.length, snapshot, ownerArray,
						Date.valueOf(quarter.start()), Date.valueOf(quarter.end()), DEALS_PER_REVIEW);
				if (deals == 0) {
					jdbc.update("delete from pipeline_reviews where id = ?", id);
					continue;
				}
				// the manager's usage that day: the review is a meeting held in
				// Bellwether
				jdbc.update(
						"""
								insert into usage_events (id, user_id, occurred_at, kind, module, record_type, record_id, client)
								values (?, ?, ?, 'MEETING_MODE', 'forecasting', 'pipeline review', ?, 'WEB')
								""",
						Ids.derived(started, 1, "demo meeting mode " + region), manager, utc(started), id);
				jdbc.update("""
						update usage_daily set meeting_modes = meeting_modes + 1,
						       features = case when 'forecasting:MEETING_MODE' = any(features) then features
						                       else array_append(features, 'forecasting:MEETING_MODE') end
						where user_id = ? and day = ?
						""", manager, Date.valueOf(held));
				written++;
			}
		}
		return written;
	}

	private static List<String> quoted() {
		List<String> quoted = new ArrayList<>();
		for (String note : NOTES) {
			quoted.add('"' + note.replace("\"", "\\\"") + '"');
		}
		return quoted;
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

}
