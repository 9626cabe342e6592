package dev.bellwether.adoption;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.SortedSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One feature's use per person and day, from the daily roll-up of the captured usage: a
 * feature is a {@code module:KIND} key (e.g. {@code forecasting:FORECAST_VIEW},
 * {@code sales:CREATE}), and a person used it on a day when the roll-up of that day lists
 * the key among the day's features. The roll-up keeps which features were used each day,
 * not how often, and it is kept forever (the raw events are not), so use is counted in
 * days: what another module needs to compare a person's use of a feature before and after
 * something happened (the programme's guided tours).
 */
@Service
@Transactional(readOnly = true)
public class FeatureUsage {

	private final JdbcClient jdbc;

	FeatureUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param feature a {@code module:KIND} key
	 * @param from the first day, inclusive
	 * @param to the last day, inclusive
	 * @return per person (only those who used it), the days in the range on which they
	 * used the feature
	 */
	public Map<UUID, SortedSet<LocalDate>> daysUsed(Collection<UUID> userIds, String feature, LocalDate from,
			LocalDate to) {
		Map<UUID, SortedSet<LocalDate>> days = new HashMap<>();
		if (userIds.isEmpty() || from.isAfter(to)) {
			return days;
		}
		this.jdbc.sql("""
				select user_id, day from usage_daily
				where user_id = any(:users) and day between :from and :to and :feature = any(features)
				""")
			.param("users", userIds.toArray(UUID[]::new))
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("feature", feature)
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				days.computeIfAbsent(rs.getObject("user_id", UUID.class), id -> new TreeSet<>())
					.add(rs.getObject("day", LocalDate.class));
			});
		return days;
	}

	/**
	 * @return the first day on which the person used the feature, if they have
	 */
	public Optional<LocalDate> firstDayUsed(UUID userId, String feature) {
		List<LocalDate> first = this.jdbc
			.sql("select min(day) from usage_daily where user_id = :user and :feature = any(features)")
			.param("user", userId)
			.param("feature", feature)
			.query((rs, row) -> rs.getObject(1, LocalDate.class))
			.list();
		return first.stream().filter(java.util.Objects::nonNull).findFirst();
	}

}
