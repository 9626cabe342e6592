package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What accounts brought in: the amounts of their won deals (in the company currency), for
 * other modules to show beside what they spend on an account (the cost of service).
 * Callers pass accounts the viewer may see and decide who may see the result; this does
 * not check, and counts every won deal of the account whoever owns it.
 */
@Service
@Transactional(readOnly = true)
public class AccountRevenue {

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	AccountRevenue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The won amount of each account: the sum of the amounts of its deals (not in the
	 * recycle bin) closed won with a close date from {@code firstDay} to {@code lastDay},
	 * both included; accounts without such a deal are left out.
	 */
	public Map<UUID, BigDecimal> wonBetween(Collection<UUID> accountIds, LocalDate firstDay, LocalDate lastDay) {
		Map<UUID, BigDecimal> won = new HashMap<>();
		List<UUID> all = List.copyOf(accountIds);
		for (int from = 0; from < all.size(); from += BATCH) {
			this.jdbc.sql("""
					select o.account_id, sum(coalesce(o.amount, 0)) as won
					from opportunities o join pipeline_stages s on s.id = o.stage_id
					where o.account_id in (:ids) and o.deleted_at is null and s.outcome = 'WON'
					  and o.closed_at is not null and o.close_date between :firstDay and :lastDay
					group by o.account_id
					""")
				.param("ids", all.subList(from, Math.min(all.size(), from + BATCH)))
				.param("firstDay", firstDay)
				.param("lastDay", lastDay)
				.query(rs -> {
					won.put(rs.getObject("account_id", UUID.class), rs.getBigDecimal("won"));
				});
		}
		return won;
	}

}
