package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each owner's open pipeline and how much of it is fresh now (touched within the days
 * given, or within its stage's own stale days), in one query for any number of owners:
 * for per-person scorecards.
 */
@Service
@Transactional(readOnly = true)
public class OwnerPipelineFreshness {

	private final JdbcClient jdbc;

	private final Clock clock;

	OwnerPipelineFreshness(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return per owner with open deals; owners without any are left out
	 */
	public Map<UUID, Share> byOwner(Collection<UUID> ownerIds, int days) {
		if (ownerIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Share> shares = new HashMap<>();
		this.jdbc
			.sql("""
					select o.owner_id, count(*) as deals, coalesce(sum(o.amount), 0) as amount,
					  count(*) filter (where fresh) as fresh, coalesce(sum(o.amount) filter (where fresh), 0) as fresh_amount
					from (select o.owner_id, o.amount, o.last_touched_at >= cast(:now as timestamptz)
					        - make_interval(days => coalesce(s.stale_after_days, :days)) as fresh
					      from opportunities o join pipeline_stages s on s.id = o.stage_id
					      where o.deleted_at is null and o.closed_at is null and o.owner_id in (:owners)) o
					group by o.owner_id
					""")
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("days", days)
			.param("owners", List.copyOf(ownerIds))
			.query((rs, n) -> shares.put(rs.getObject("owner_id", UUID.class),
					new Share(rs.getLong("deals"), rs.getBigDecimal("amount"), rs.getLong("fresh"),
							rs.getBigDecimal("fresh_amount"))))
			.list();
		return shares;
	}

	public record Share(long openDeals, BigDecimal openAmount, long freshDeals, BigDecimal freshAmount) {

		/** Fresh share of the value, or of the count when the deals have no amounts. */
		public double freshShare() {
			if (this.openAmount.signum() > 0) {
				return this.freshAmount.doubleValue() / this.openAmount.doubleValue();
			}
			return this.openDeals == 0 ? 1.0 : (double) this.freshDeals / this.openDeals;
		}

	}

}
