package dev.bellwether.adoption.internal.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.bellwether.identity.Person;
import dev.bellwether.identity.UserDirectory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based reads of {@code usage_daily} behind the adoption figures: one query per
 * figure family, over the licensed users of a scope, never a query per user. The users
 * come from the identity module ({@link UserDirectory#people()}, one read per figure
 * family), their ids into this module's SQL as arrays.
 * <p>
 * Licensed as of a day: not an integration account nor flagged as not counted,
 * provisioned on or before the day (in the company's time zone), and active now or
 * deactivated after the day. A user deactivated on or before the day is left out of every
 * figure for that day, both the active users and the licensed ones.
 */
@Component
public class UsageQueries {

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final ZoneId zone;

	/** Key features per bigint column of the per-user query. */
	private static final int BITS = 62;

	UsageQueries(JdbcClient jdbc, UserDirectory users, @Value("${bellwether.time-zone:UTC}") ZoneId zone) {
		this.jdbc = jdbc;
		this.users = users;
		this.zone = zone;
	}

	/**
	 * Every licensed user of the scope as of the day, with their use in the windows
	 * ending that day.
	 * @param userIds the scope, or {@code null} for everyone
	 */
	public List<UserUsage> perUser(Collection<UUID> userIds, LocalDate asOf, KeyFeatureSets keySets) {
		if (userIds != null && userIds.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("day", asOf);
		params.put("from7", asOf.minusDays(6));
		params.put("from28", asOf.minusDays(27));
		params.put("from30", asOf.minusDays(29));
		params.put("from56", asOf.minusDays(55));
		params.put("from90", asOf.minusDays(89));
		// one bit per key feature of any list, in words of 62: used on any day of the 28
		// (one pass, no unnesting); each person counts the bits of their own list
		List<String> keyFeatures = keySets.union();
		int words = Math.max(1, (keyFeatures.size() + BITS - 1) / BITS);
		StringBuilder features = new StringBuilder();
		for (int w = 0; w < words; w++) {
			features.append(w == 0 ? "" : ",\n").append("0");
			for (int i = w * BITS; i < Math.min(keyFeatures.size(), (w + 1) * BITS); i++) {
				params.put("key" + i, keyFeatures.get(i));
				features.append(
						" + (bool_or(d.day >= :from28 and cast(:key%d as text) = any(d.features))::int::bigint << %d)"
							.formatted(i, i - w * BITS));
			}
			features.append(" as features_used").append(w);
		}
		StringBuilder featuresOut = new StringBuilder();
		for (int w = 0; w < words; w++) {
			featuresOut.append(", coalesce(u.features_used%d, 0) as features_used%d".formatted(w, w));
		}
		Map<UUID, Person> people = new LinkedHashMap<>();
		licensed(userIds, asOf).forEach(person -> people.put(person.id(), person));
		if (people.isEmpty()) {
			return List.of();
		}
		params.put("pop", SqlArrays.of(people.keySet()));
		Map<UUID, UserUsage> usage = new HashMap<>();
		this.jdbc
			.sql("""
					with pop(id) as (select unnest(cast(:pop as uuid[]))),
					used as (
					    select d.user_id,
					      bool_or(d.active and d.day = :day) as on_day,
					      count(*) filter (where d.active and d.day >= :from7) as a7,
					      count(*) filter (where d.active and d.day >= :from28) as a28,
					      count(*) filter (where d.active and d.day >= :from30) as a30,
					      count(*) filter (where d.active and d.day >= :from30 and extract(isodow from d.day) < 6) as a30wd,
					      count(*) filter (where d.active and d.day >= :from56 and d.day < :from28) as prev28,
					      count(*) filter (where d.active) as a90,
					      coalesce(sum(d.actions) filter (where d.day >= :from28), 0) as actions28,
					      coalesce(sum(d.report_views) filter (where d.day >= :from30), 0) as report_views30,
					      coalesce(sum(d.dashboard_views) filter (where d.day >= :from30), 0) as dashboard_views30,
					      coalesce(sum(d.forecast_views) filter (where d.day >= :from30), 0) as forecast_views30,
					      coalesce(sum(d.exports) filter (where d.day >= :from30), 0) as exports30,
					      coalesce(sum(d.report_views + d.dashboard_views + d.forecast_views)
					        filter (where d.day >= :from7), 0) as team_views7,
					      %s
					    from usage_daily d
					    where d.day between :from90 and :day and d.user_id in (select id from pop)
					    group by d.user_id)
					select p.id,
					  coalesce(u.on_day, false) as on_day, coalesce(u.a7, 0) as a7, coalesce(u.a28, 0) as a28,
					  coalesce(u.a30, 0) as a30, coalesce(u.a30wd, 0) as a30wd, coalesce(u.prev28, 0) as prev28,
					  coalesce(u.a90, 0) as a90, coalesce(u.actions28, 0) as actions28,
					  coalesce(u.report_views30, 0) as report_views30, coalesce(u.dashboard_views30, 0) as dashboard_views30,
					  coalesce(u.forecast_views30, 0) as forecast_views30, coalesce(u.exports30, 0) as exports30,
					  coalesce(u.team_views7, 0) as team_views7 %s,
					  case when coalesce(u.a90, 0) > 0 then true
					    else exists (select 1 from usage_daily x where x.user_id = p.id and x.day < :from90 and x.active)
					  end as active_before
					from pop p
					  left join used u on u.user_id = p.id
					"""
				.formatted(features, featuresOut))
			.params(params)
			.query((rs, n) -> {
				Person p = people.get(rs.getObject("id", UUID.class));
				List<String> own = keySets.of(p.role());
				int usedOwn = 0;
				for (int i = 0; i < keyFeatures.size(); i++) {
					long word = rs.getLong("features_used" + (i / BITS));
					if ((word & (1L << (i % BITS))) != 0 && own.contains(keyFeatures.get(i))) {
						usedOwn++;
					}
				}
				return usage.put(p.id(),
						new UserUsage(p.id(), p.fullName(), p.role(), p.managerId(), p.level(), p.provisionedAt(),
								rs.getBoolean("on_day"), rs.getInt("a7"), rs.getInt("a28"), rs.getInt("a30"),
								rs.getInt("a30wd"), rs.getInt("prev28"), rs.getInt("a90"),
								rs.getBoolean("active_before"), rs.getLong("actions28"), rs.getLong("report_views30"),
								rs.getLong("dashboard_views30"), rs.getLong("forecast_views30"),
								rs.getLong("exports30"), rs.getLong("team_views7"), usedOwn, own.size()));
			})
			.list();
		// in the directory's order: by full name, then id
		return people.keySet().stream().map(usage::get).toList();
	}

	/**
	 * @param userIds the scope, or {@code null} for everyone
	 * @return the first day any of them has captured usage (in {@code usage_daily}), or
	 * nothing when none has
	 */
	public Optional<LocalDate> firstUsageDay(Collection<UUID> userIds) {
		if (userIds == null) {
			return this.jdbc.sql("select min(day) from usage_daily").query(LocalDate.class).optional();
		}
		if (userIds.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select min(day) from usage_daily where user_id in (select unnest(cast(:scope as uuid[])))")
			.param("scope", SqlArrays.of(userIds))
			.query(LocalDate.class)
			.optional();
	}

	/**
	 * The headline figures' raw counts for each of {@code weeks} days a week apart, the
	 * last on {@code asOf}, each over the users licensed on that day: one read of the
	 * usage of those weeks (and the 30 days before the first), added up per user and week
	 * first, then summed over each day's windows.
	 * @param userIds the scope, or {@code null} for everyone
	 * @return one row per week, the most recent first
	 */
	public List<WeekCounts> weekly(Collection<UUID> userIds, LocalDate asOf, int weeks) {
		Map<String, Object> params = new HashMap<>();
		// everyone licensed on any of the days, each day's own taken by the lateral join
		List<Person> people = counted(userIds).toList();
		params.put("ids", SqlArrays.of(people.stream().map(Person::id).toList()));
		params.put("provisioned", SqlArrays.of(people.stream().map(p -> day(p.provisionedAt())).toList()));
		params.put("active", SqlArrays.of(people.stream().map(Person::active).toList()));
		params.put("deactivated", SqlArrays.of(people.stream().map(p -> day(p.deactivatedAt())).toList()));
		if (userIds != null) {
			params.put("scope", SqlArrays.of(userIds));
		}
		String usageScope = userIds == null ? "" : " and d.user_id in (select unnest(cast(:scope as uuid[])))";
		params.put("asOf", asOf);
		params.put("weeks", weeks - 1);
		params.put("buckets", weeks + 4);
		params.put("from", asOf.minusDays(7L * (weeks + 4) - 1));
		// b: whole weeks back from asOf of an active day; r: its day within that week.
		// The
		// 30 days ending on week w's day are weeks w..w+3 and days r < 2 of week w+4.
		return this.jdbc
			.sql("""
					with people(id, provisioned_on, active, deactivated_on) as (
					    select * from unnest(cast(:ids as uuid[]), cast(:provisioned as date[]),
					      cast(:active as boolean[]), cast(:deactivated as date[]))),
					weeks as (
					    select w, cast(:asOf as date) - 7 * w as day from generate_series(0, :weeks) w),
					buckets as (
					    select d.user_id, (cast(:asOf as date) - d.day) / 7 as b,
					      count(*) as n,
					      count(*) filter (where (cast(:asOf as date) - d.day) %% 7 < 2) as n2,
					      count(*) filter (where extract(isodow from d.day) < 6) as wd,
					      count(*) filter (where extract(isodow from d.day) < 6 and (cast(:asOf as date) - d.day) %% 7 < 2) as wd2
					    from usage_daily d
					    where d.active and d.day between :from and :asOf%s
					    group by d.user_id, 2),
					dense as (
					    select seen.user_id, g.b, coalesce(b.n, 0) as n, coalesce(b.n2, 0) as n2, coalesce(b.wd, 0) as wd,
					      coalesce(b.wd2, 0) as wd2
					    from (select distinct user_id from buckets) seen
					      cross join generate_series(0, :buckets - 1) g(b)
					      left join buckets b on b.user_id = seen.user_id and b.b = g.b),
					windows as (
					    select user_id, b as w, n as a7,
					      sum(n) over four as a28,
					      sum(n) over four + coalesce(sum(n2) over fifth, 0) as a30,
					      sum(wd) over four + coalesce(sum(wd2) over fifth, 0) as a30wd
					    from dense
					    window four as (partition by user_id order by b range between current row and 3 following),
					      fifth as (partition by user_id order by b range between 4 following and 4 following))
					select w.w, w.day, count(p.id) as licensed,
					  count(*) filter (where s.a7 > 0) as wau,
					  count(*) filter (where s.a30 > 0) as mau,
					  coalesce(sum(s.a30), 0) as days30,
					  coalesce(sum(s.a30wd), 0) as weekdays30,
					  count(*) filter (where s.a28 >= 10) as healthy
					from weeks w
					  left join lateral (
					    select p.id from people p
					    where p.provisioned_on <= w.day and (p.active or p.deactivated_on > w.day)) p on true
					  left join windows s on s.user_id = p.id and s.w = w.w
					group by w.w, w.day
					order by w.w
					"""
				.formatted(usageScope))
			.params(params)
			.query((rs, n) -> new WeekCounts(rs.getObject("day", LocalDate.class), rs.getLong("licensed"),
					rs.getLong("wau"), rs.getLong("mau"), rs.getLong("days30"), rs.getLong("weekdays30"),
					rs.getLong("healthy")))
			.list();
	}

	/**
	 * @return the licensed users of the scope as of the day, by full name then id
	 */
	private Stream<Person> licensed(Collection<UUID> userIds, LocalDate day) {
		return counted(userIds).filter(p -> !day(p.provisionedAt()).isAfter(day)
				&& (p.active() || p.deactivatedAt() != null && day(p.deactivatedAt()).isAfter(day)));
	}

	/**
	 * @return the users of the scope that adoption counts (whenever licensed), by full
	 * name then id: one read of the directory
	 */
	private Stream<Person> counted(Collection<UUID> userIds) {
		Set<UUID> scope = userIds == null ? null : Set.copyOf(userIds);
		return this.users.people()
			.stream()
			.filter(Person::countedInAdoption)
			.filter(p -> scope == null || scope.contains(p.id()));
	}

	/** The day of an instant in the company's time zone. */
	private LocalDate day(Instant instant) {
		return instant == null ? null : instant.atZone(this.zone).toLocalDate();
	}

	/**
	 * Raw counts for the week ending on {@code day}.
	 *
	 * @param days30 active user-days in the 30 days ending on the day
	 * @param weekdays30 those that fell Monday to Friday
	 * @param healthy users with at least 10 active days in the 28 ending on the day
	 */
	public record WeekCounts(LocalDate day, long licensed, long wau, long mau, long days30, long weekdays30,
			long healthy) {
	}

}
