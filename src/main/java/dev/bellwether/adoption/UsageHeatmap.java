package dev.bellwether.adoption;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.adoption.internal.metrics.FiguresCache;

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

	UsageHeatmap(JdbcClient jdbc, FiguresCache figures) {
		this.jdbc = jdbc;
		this.figures = figures;
	}

	/**
	 * @param scope whose rows, {@link AdoptionScope#everyone()} for all
	 * @param asOf the last day shown; its week is the last column
	 * @param weeks how many weeks, 1 to {@value #MAX_WEEKS}
	 * @param page the page of people, from 0
	 * @param size people per page
	 */
	public Heatmap of(AdoptionScope scope, LocalDate asOf, int weeks, int page, int size) {
		return this.figures
			.get(Arrays.asList("heatmap", scope.userIds(), asOf, weeks, page, size),
					() -> compute(scope, asOf, weeks, page, size))
			.value();
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
		Map<String, Object> params = new HashMap<>();
		String population = "u.integration_account = false and u.not_counted_reason is null and (u.active or u.deactivated_at >= :from)";
		if (!scope.isEveryone()) {
			population += " and u.id in (:scope)";
			params.put("scope", List.copyOf(scope.userIds()));
		}
		params.put("from", firstWeek.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
		Long total = this.jdbc.sql("select count(*) from users u where " + population)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		Map<UUID, Row> rows = new LinkedHashMap<>();
		this.jdbc
			.sql("select u.id, u.full_name, u.team, u.role from users u where " + population
					+ " order by coalesce(u.team, ''), lower(u.full_name), u.id limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> rows.put(rs.getObject("id", UUID.class),
					new Row(rs.getObject("id", UUID.class), rs.getString("full_name"), rs.getString("team"),
							rs.getString("role"), new int[count])))
			.list();
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
		return new Heatmap(columns, List.copyOf(rows.values()), total == null ? 0 : total, page, size);
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
