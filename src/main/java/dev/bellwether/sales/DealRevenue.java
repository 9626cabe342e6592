package dev.bellwether.sales;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Won revenue as other modules report it (the service module's cross-sell): deals by id
 * with their stage and amount, the deals won in a span of time, and the line items of
 * those deals that were a new product line for an existing customer. A deal is won at the
 * instant its stage became a won one ({@code closed_at}). Nothing here checks who may see
 * the deals: callers decide (with {@link OpportunityAccess#canRead}, or by a rule of
 * their own on records of theirs) and show only what they may.
 */
@Service
@Transactional(readOnly = true)
public class DealRevenue {

	private final JdbcClient jdbc;

	DealRevenue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A deal as revenue reports see it.
	 *
	 * @param amount zero when the deal has none
	 * @param closedAt when it was closed won or lost; {@code null} while open
	 */
	public record Deal(UUID id, String name, UUID accountId, UUID ownerId, String leadSource, String stageName,
			StageOutcome outcome, BigDecimal amount, Instant createdAt, Instant closedAt) {

		public boolean won() {
			return this.outcome == StageOutcome.WON;
		}

	}

	/**
	 * A line item of a won deal whose product the account had never bought in an earlier
	 * won deal, on an account that had won a deal before (an existing customer).
	 *
	 * @param amount the line's total: quantity × unit price × (1 − discount), to the cent
	 */
	public record NewProductLine(UUID opportunityId, UUID lineItemId, UUID productId, String productName,
			BigDecimal amount) {

	}

	private static final String SELECT = """
			select o.id, o.name, o.account_id, o.owner_id, o.lead_source, s.name as stage_name, s.outcome,
			       coalesce(o.amount, 0) as amount, o.created_at, o.closed_at
			from opportunities o join pipeline_stages s on s.id = o.stage_id
			where o.deleted_at is null and
			""";

	/**
	 * @return the deals (not in the recycle bin) by id, whatever their outcome
	 */
	public Map<UUID, Deal> of(Collection<UUID> ids) {
		Map<UUID, Deal> deals = new LinkedHashMap<>();
		List<UUID> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += OpenDealStream.BATCH) {
			this.jdbc.sql(SELECT + " o.id in (:ids)")
				.param("ids", all.subList(from, Math.min(all.size(), from + OpenDealStream.BATCH)))
				.query(DealRevenue::deal)
				.list()
				.forEach(deal -> deals.put(deal.id(), deal));
		}
		return deals;
	}

	/**
	 * @param from the first instant of the span
	 * @param to the instant just after it
	 * @return the deals (not in the recycle bin) at a won stage that were won in the
	 * span, earliest first
	 */
	public List<Deal> wonBetween(Instant from, Instant to) {
		return this.jdbc
			.sql(SELECT
					+ " s.outcome = 'WON' and o.closed_at >= :from and o.closed_at < :to order by o.closed_at, o.id")
			.param("from", utc(from))
			.param("to", utc(to))
			.query(DealRevenue::deal)
			.list();
	}

	/**
	 * The new product lines sold to existing customers in the span: each line item of a
	 * deal won in the span (see {@link #wonBetween}) whose account had won another deal
	 * before this one, and whose product was on none of the account's deals won before
	 * this one. Two lines of one product on the same deal both count.
	 */
	public List<NewProductLine> newProductLinesWonBetween(Instant from, Instant to) {
		List<NewProductLine> lines = new ArrayList<>();
		this.jdbc.sql("""
				select li.opportunity_id, li.id, li.product_id, p.name as product_name,
				       round(li.quantity * li.unit_price * (100 - li.discount_percent) / 100, 2) as amount
				from opportunities o
				join pipeline_stages s on s.id = o.stage_id
				join opportunity_line_items li on li.opportunity_id = o.id
				join products p on p.id = li.product_id
				where o.deleted_at is null and s.outcome = 'WON' and o.closed_at >= :from and o.closed_at < :to
				  and exists (select 1 from opportunities e join pipeline_stages es on es.id = e.stage_id
				              where e.account_id = o.account_id and e.id <> o.id and e.deleted_at is null
				                and es.outcome = 'WON' and e.closed_at < o.closed_at)
				  and not exists (select 1 from opportunities e join pipeline_stages es on es.id = e.stage_id
				                  join opportunity_line_items el on el.opportunity_id = e.id
				                  where e.account_id = o.account_id and e.id <> o.id and e.deleted_at is null
				                    and es.outcome = 'WON' and e.closed_at < o.closed_at
				                    and el.product_id = li.product_id)
				order by o.closed_at, o.id, li.position, li.id
				""")
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs,
					n) -> lines.add(new NewProductLine(rs.getObject("opportunity_id", UUID.class),
							rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
							rs.getString("product_name"), rs.getBigDecimal("amount"))))
			.list();
		return lines;
	}

	private static Deal deal(ResultSet rs, int row) throws SQLException {
		return new Deal(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("account_id", UUID.class),
				rs.getObject("owner_id", UUID.class), rs.getString("lead_source"), rs.getString("stage_name"),
				StageOutcome.valueOf(rs.getString("outcome")), rs.getBigDecimal("amount"), instant(rs, "created_at"),
				instant(rs, "closed_at"));
	}

}
