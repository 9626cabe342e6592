package dev.bellwether.adoption;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.bellwether.adoption.internal.metrics.SqlArrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's days of use between two days, one row per person and day with any use,
 * from the daily roll-ups ({@code usage_daily}): for figures that follow named people
 * from a day of their own on, such as a rollout wave's funnel (signed in, first record,
 * active in its second week), which the scope-wide figures of {@link AdoptionMetrics} do
 * not give.
 */
@Service
@Transactional(readOnly = true)
public class UsageDays {

	private final JdbcClient jdbc;

	UsageDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param from the first day, included (the company's days, as the roll-ups keep them)
	 * @param to the last day, included
	 * @return the days with any use of the people, by person and day
	 */
	public List<Day> days(Collection<UUID> userIds, LocalDate from, LocalDate to) {
		if (userIds.isEmpty() || to.isBefore(from)) {
			return List.of();
		}
		return this.jdbc.sql("""
				select user_id, day, active, logins, creates from usage_daily
				where user_id in (select unnest(cast(:ids as uuid[]))) and day between :from and :to
				order by user_id, day
				""")
			.param("ids", SqlArrays.of(userIds))
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new Day(rs.getObject("user_id", UUID.class), rs.getObject("day", LocalDate.class),
					rs.getBoolean("active"), rs.getInt("logins"), rs.getInt("creates")))
			.list();
	}

	/**
	 * One person's use on one day.
	 *
	 * @param active an active day as every adoption figure counts it (a view, create or
	 * update of a business record)
	 * @param logins sign-ins that day
	 * @param creates records created that day
	 */
	public record Day(UUID userId, LocalDate day, boolean active, int logins, int creates) {

	}

}
