package dev.bellwether.adoption;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.adoption.internal.metrics.FiguresCache;
import dev.bellwether.adoption.internal.metrics.SqlArrays;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.UserDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users × weeks: how many days of each week each person was active (a view, create or
 * update of a business record), for the heat map of the adoption pages. People in pages,
 * by team then name; integration accounts left out.
 */
@Service
@Transactional(readOnly = true)
public class UsageHeatmap {

	public static final int MAX_WEEKS = 26;

	private final JdbcClient jdbc;

	private final FiguresCache figures;

	private final UserDirectory users;

	UsageHeatmap(JdbcClient jdbc, FiguresCache figures, UserDirectory users) {
		this.jdbc = jdbc;
		this.figures = figures;
		this.users = users;
	}

	/**
	 * @param scope whose rows, {@link AdoptionScope#everyone()} for all
	 * @param asOf the last day shown; its week is the last column
	 * @param weeks how many weeks, 1 to {@value #MAX_WEEKS}
	 * @param page the page of people, from 0
	 * @param size people per page
	 */
	public Heatmap of(AdoptionScope scope, LocalDate asOf, int weeks, int page, int size) {
		return computed(scope, asOf, weeks, page, size).figures();
	}

	/**
	 * {@link #of} and when it was computed.
	 */
	public Computed<Heatmap> computed(AdoptionScope scope, LocalDate asOf, int weeks, int page, int size) {
		var kept = this.figures.get(Arrays.asList("heatmap", scope.userIds(), asOf, weeks, page, size),
				() -> compute(scope, asOf, weeks, page, size));
		return new Computed<>(kept.value(), kept.at());
	}

	private Heatmap compute(AdoptionScope scope, LocalDate asOf, int weeks, int page, int size) {
		int count = Math.max(1, Math.min(MAX_WEEKS, weeks));
		LocalDate lastWeek = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate firstWeek = lastWeek.minusWeeks(count - 1L);
		List<LocalDate> columns = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			columns.add(firstWeek.plusWeeks(i));
		}
		if (!scope.isEveryone() && scope.userIds().isEmpty()) {
			return new Heatmap(columns, List.of(), 0, page, size);
		}
		// the people: counted in adoption, active or deactivated during the weeks shown
		Instant from = firstWeek.atStartOfDay(ZoneOffset.UTC).toInstant();
		Set<UUID> within = scope.isEveryone() ? null : Set.copyOf(scope.userIds());
		List<Person> people = this.users.people()
			.stream()
			.filter(Person::countedInAdoption)
			.filter(p -> p.active() || p.deactivatedAt() != null && !p.deactivatedAt().isBefore(from))
			.filter(p -> within == null || within.contains(p.id()))
			.toList();
		long total = people.size();
		Map<UUID, Row> rows = new LinkedHashMap<>();
		if (!people.isEmpty()) {
			this.jdbc.sql("""
					select p.id, p.full_name, p.team, p.role
					from unnest(cast(:ids as uuid[]), cast(:names as text[]), cast(:teams as text[]),
					  cast(:roles as text[])) as p(id, full_name, team, role)
					order by coalesce(p.team, ''), lower(p.full_name), p.id limit :limit offset :offset
					""")
				.param("ids", SqlArrays.of(people.stream().map(Person::id).toList()))
				.param("names", SqlArrays.ofTexts(people.stream().map(Person::fullName).toList()))
				.param("teams", SqlArrays.ofTexts(people.stream().map(Person::team).toList()))
				.param("roles", SqlArrays.ofTexts(people.stream().map(p -> p.role().name()).toList()))
				.param("limit", size)
				.param("offset", (long) page * size)
				.query((rs, n) -> rows.put(rs.getObject("id", UUID.class),
						new Row(rs.getObject("id", UUID.class), rs.getString("full_name"), rs.getString("team"),
								rs.getString("role"), new int[count])))
				.list();
		}
		if (!rows.isEmpty()) {
			this.jdbc.sql("""
					select d.user_id, date_trunc('week', d.day)::date as week, count(*) as days
					from usage_daily d
					where d.user_id in (:users) and d.active and d.day between :firstDay and :lastDay
					group by 1, 2
					""")
				.param("users", List.copyOf(rows.keySet()))
				.param("firstDay", firstWeek)
				.param("lastDay", lastWeek.plusDays(6))
				.query((rs, n) -> {
					Row row = rows.get(rs.getObject("user_id", UUID.class));
					int column = (int) java.time.temporal.ChronoUnit.WEEKS.between(firstWeek,
							rs.getObject("week", LocalDate.class));
					if (row != null && column >= 0 && column < count) {
						row.activeDays()[column] = rs.getInt("days");
					}
					return null;
				})
				.list();
		}
		return new Heatmap(columns, List.copyOf(rows.values()), total, page, size);
	}

	/**
	 * @param weeks each column's Monday
	 * @param totalPeople people in the scope, over all pages
	 */
	public record Heatmap(List<LocalDate> weeks, List<Row> rows, long totalPeople, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (this.totalPeople + this.size - 1) / this.size);
		}

		/**
		 * @return the number (from 1) of the last person on this page
		 */
		public long lastShown() {
			return Math.min(this.totalPeople, (long) (this.page + 1) * this.size);
		}

	}

	/**
	 * @param activeDays active days (0 to 7) of each week, in the order of the columns
	 */
	public record Row(UUID userId, String fullName, String team, String role, int[] activeDays) {

		public int total() {
			int sum = 0;
			for (int days : this.activeDays) {
				sum += days;
			}
			return sum;
		}

	}

}
