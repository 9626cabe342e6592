package dev.bellwether.adoption.internal.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Builds {@code usage_daily}, one row per user and day, from the raw events: every minute
 * for today and yesterday (UTC days), and on demand for any range of days (after a bulk
 * load). A day is rebuilt whole by one statement, so rolling it up again is harmless, and
 * recorded in {@code usage_rollups} with the application {@link Clock}'s moment (the same
 * clock that decides which day is today and when a day is over, so that a clock fixed by
 * the tests and the database's own never disagree). Roll-ups are kept forever, after the
 * raw events are gone: a day is never rebuilt once retention may have deleted some of its
 * events.
 * <p>
 * Per user and day: {@code active} when at least one VIEW, CREATE or UPDATE of a business
 * record ({@link #BUSINESS_RECORD_TYPES}; a record page or a list of a record type); a
 * count per kind; {@code actions}, every event but sign-ins and sign-outs; and
 * {@code features}, the distinct {@code module:KIND} keys used that day (e.g.
 * {@code sales:VIEW}, {@code search:SEARCH}, {@code home:DASHBOARD_VIEW}), sorted.
 */
@Component
public class DailyUsageRollup {

	private static final Logger log = LoggerFactory.getLogger(DailyUsageRollup.class);

	/** The record types whose view, creation or change makes a user active that day. */
	public static final List<String> BUSINESS_RECORD_TYPES = List.of("account", "contact", "opportunity", "activity");

	private static final String ROLL_UP_ONE_DAY = """
			with per_user as (
			  select user_id,
			    bool_or(kind in ('VIEW', 'CREATE', 'UPDATE') and record_type in (:businessTypes)) as active,
			    count(*) filter (where kind = 'LOGIN') as logins,
			    count(*) filter (where kind = 'VIEW') as views,
			    count(*) filter (where kind = 'CREATE') as creates,
			    count(*) filter (where kind = 'UPDATE') as updates,
			    count(*) filter (where kind = 'DELETE') as deletes,
			    count(*) filter (where kind = 'SEARCH') as searches,
			    count(*) filter (where kind = 'REPORT_VIEW') as report_views,
			    count(*) filter (where kind = 'DASHBOARD_VIEW') as dashboard_views,
			    count(*) filter (where kind = 'FORECAST_VIEW') as forecast_views,
			    count(*) filter (where kind = 'EXPORT') as exports,
			    count(*) filter (where kind = 'API_CALL') as api_calls,
			    count(*) filter (where kind = 'MEETING_MODE') as meeting_modes,
			    count(*) filter (where kind not in ('LOGIN', 'LOGOUT')) as actions,
			    coalesce(array_agg(distinct module || ':' || kind order by module || ':' || kind)
			      filter (where module is not null and kind not in ('LOGIN', 'LOGOUT')), '{}') as features,
			    count(*) as events
			  from usage_events
			  where occurred_at >= :start and occurred_at < :end%s
			  group by user_id
			), daily as (
			  insert into usage_daily (user_id, day, active, logins, views, creates, updates, deletes, searches,
			    report_views, dashboard_views, forecast_views, exports, api_calls, meeting_modes, actions, features)
			  select user_id, :day, active, logins, views, creates, updates, deletes, searches, report_views,
			    dashboard_views, forecast_views, exports, api_calls, meeting_modes, actions, features
			  from per_user
			  order by user_id -- rows locked in one order, so a concurrent roll-up of the day waits, never deadlocks
			  on conflict (user_id, day) do update set active = excluded.active, logins = excluded.logins,
			    views = excluded.views, creates = excluded.creates, updates = excluded.updates,
			    deletes = excluded.deletes, searches = excluded.searches, report_views = excluded.report_views,
			    dashboard_views = excluded.dashboard_views, forecast_views = excluded.forecast_views,
			    exports = excluded.exports, api_calls = excluded.api_calls, meeting_modes = excluded.meeting_modes,
			    actions = excluded.actions, features = excluded.features
			)
			insert into usage_rollups (day, rolled_up_at, events)
			select :day, :rolledUpAt, %s
			on conflict (day) do update set rolled_up_at = excluded.rolled_up_at, events = excluded.events
			""";

	/** Every user of the day. */
	private static final String WHOLE_DAY = ROLL_UP_ONE_DAY.formatted("", "coalesce(sum(events), 0) from per_user");

	/**
	 * The users with events since a moment only; the day's events counted from the raw
	 * events (a range of the block index).
	 */
	private static final String USERS_SINCE = ROLL_UP_ONE_DAY.formatted(
			" and user_id in (select distinct user_id from usage_events where occurred_at >= :since and occurred_at < :end)",
			"(select count(*) from usage_events where occurred_at >= :start and occurred_at < :end)");

	/**
	 * How far before the last roll-up the next one looks for new events: events are
	 * written a second or so after they happen, later when the database is slow.
	 */
	static final Duration OVERLAP = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RawUsageRetention retention;

	DailyUsageRollup(JdbcClient jdbc, Clock clock, RawUsageRetention retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(cron = "0 * * * * *", zone = "UTC")
	@SchedulerLock(name = "adoption.daily-usage-rollup", lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
	void rollUpRecentDaysOnOneNode() {
		rollUpRecentDays();
	}

	/**
	 * What the job does every minute: today, for the users with events since its last
	 * roll-up (less {@link #OVERLAP}), or whole when it has none yet; yesterday whole
	 * until it has been rolled up once after it was over (plus two minutes); and any
	 * earlier day of the last month last rolled up before it was over (the application
	 * was down at midnight).
	 */
	public void rollUpRecentDays() {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		LocalDate yesterday = today.minusDays(1);
		TreeSet<LocalDate> days = new TreeSet<>(this.jdbc
			.sql("""
					select day from usage_rollups
					where day <= :yesterday and day >= :oldest and rolled_up_at < (day + interval '1 day 2 minutes') at time zone 'UTC'
					""")
			.param("yesterday", yesterday)
			.param("oldest", today.minusDays(31))
			.query(LocalDate.class)
			.list());
		Map<LocalDate, Instant> rolledUp = new HashMap<>();
		this.jdbc.sql("select day, rolled_up_at from usage_rollups where day in (:days)")
			.param("days", List.of(yesterday, today))
			.query((rs, n) -> rolledUp.put(rs.getObject("day", LocalDate.class),
					rs.getObject("rolled_up_at", OffsetDateTime.class).toInstant()))
			.list();
		if (!rolledUp.containsKey(yesterday)) {
			days.add(yesterday);
		}
		days.forEach(this::rollUpDay);
		Instant last = rolledUp.get(today);
		if (last == null) {
			rollUpDay(today);
		}
		else {
			rollUpDay(today, USERS_SINCE, last.minus(OVERLAP));
		}
	}

	/**
	 * Rebuilds the daily roll-up of every UTC day from {@code first} to {@code last}
	 * (both included), e.g. after raw events were loaded in bulk. Days that retention may
	 * already have thinned (starting before now minus
	 * {@code bellwether.adoption.raw-retention}) are left as they are.
	 * @return the number of days rolled up
	 */
	public int rollUp(LocalDate first, LocalDate last) {
		LocalDate oldest = oldestCompleteDay();
		int days = 0;
		for (LocalDate day = first.isBefore(oldest) ? oldest : first; !day.isAfter(last); day = day.plusDays(1)) {
			rollUpDay(day);
			days++;
		}
		if (first.isBefore(oldest)) {
			log.info("Left the roll-ups before {} as they are: their raw events may be partly deleted", oldest);
		}
		return days;
	}

	private void rollUpDay(LocalDate day) {
		rollUpDay(day, WHOLE_DAY, null);
	}

	private void rollUpDay(LocalDate day, String statement, Instant since) {
		if (day.isBefore(oldestCompleteDay())) {
			return;
		}
		var sql = this.jdbc.sql(statement)
			.param("businessTypes", BUSINESS_RECORD_TYPES)
			.param("start", day.atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("end", day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("day", day)
			.param("rolledUpAt", this.clock.instant().atOffset(ZoneOffset.UTC));
		if (since != null) {
			sql = sql.param("since", since.atOffset(ZoneOffset.UTC));
		}
		sql.update();
	}

	/**
	 * @return the first day that starts after the raw-retention cut-off, so that all of
	 * its raw events are still there
	 */
	private LocalDate oldestCompleteDay() {
		Instant cutoff = this.retention.cutoff();
		LocalDate day = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
		return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(cutoff) ? day : day.plusDays(1);
	}

}
