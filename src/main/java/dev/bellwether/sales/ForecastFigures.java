package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals behind a forecast, for the forecasting module: per owner and forecast
 * category, how many deals close in a span of days and their amount, added up in the
 * database in one statement; and the deal list that shows the deals behind one such
 * figure (the same definition, so a figure and its list agree).
 * <p>
 * A deal counts by its close date: a won deal as {@link ForecastCategory#CLOSED}, an open
 * deal in its own category ({@code PIPELINE}, {@code BEST_CASE}, {@code COMMIT} or
 * {@code OMITTED}). Lost deals and deals in the recycle bin count nowhere. A deal without
 * an amount counts as a deal of amount 0.
 */
@Service
@Transactional(readOnly = true)
public class ForecastFigures {

	private final JdbcClient jdbc;

	private final OpportunityAccess access;

	ForecastFigures(JdbcClient jdbc, OpportunityAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/**
	 * One owner's deals of one forecast category closing in the span.
	 */
	public record Cell(UUID ownerId, ForecastCategory category, long deals, BigDecimal amount) {
	}

	/**
	 * @param ownerIds whose deals (of them, those the viewer may see)
	 * @param from first close date counted
	 * @param to last close date counted, included
	 * @return a cell for each owner and category with at least one deal
	 */
	public List<Cell> byOwnerAndCategory(Viewer viewer, Collection<UUID> ownerIds, LocalDate from, LocalDate to) {
		if (ownerIds.isEmpty()) {
			return List.of();
		}
		SqlFilter owners = this.access.readFilter(viewer, "o.owner_id", ownerIds);
		// a list of up to every owner: a generic plan scans the owner index for each
		// (DealOutcomes.customPlan)
		DealOutcomes.customPlan(this.jdbc);
		return this.jdbc
			.sql("select o.owner_id, o.forecast_category, count(*) as deals, coalesce(sum(o.amount), 0) as amount"
					+ " from opportunities o where o.deleted_at is null and o.close_date between :from and :to"
					+ " and (o.closed_at is null or o.forecast_category = 'CLOSED') and " + owners.sql()
					+ " group by o.owner_id, o.forecast_category")
			.params(owners.parameters())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Cell(rs.getObject("owner_id", UUID.class),
					ForecastCategory.valueOf(rs.getString("forecast_category")), rs.getLong("deals"),
					rs.getBigDecimal("amount")))
			.list();
	}

	/**
	 * The criteria of the deals behind one figure of {@link #byOwnerAndCategory}: one
	 * owner's (or a manager's whole organisation's) deals of a category closing in the
	 * span — won ones for {@code CLOSED}, open ones otherwise.
	 * @param ownerId one owner, or {@code null}
	 * @param teamOf a manager whose organisation's deals to list, or {@code null}
	 * @param category a category, or {@code null} for every open deal (the open pipeline,
	 * Omitted included)
	 */
	public static OpportunityFilter dealsBehind(UUID ownerId, UUID teamOf, ForecastCategory category, LocalDate from,
			LocalDate to) {
		Boolean open = category == ForecastCategory.CLOSED ? Boolean.FALSE : Boolean.TRUE;
		return new OpportunityFilter(null, null, ownerId, teamOf, null, category, from, to, open, false, false);
	}

	/**
	 * The deals behind a cumulative figure of a person's or a team's forecast for a
	 * period.
	 */
	public static OpportunityFilter dealsBehind(UUID ownerId, UUID teamOf, ForecastTotal total, LocalDate from,
			LocalDate to) {
		return new OpportunityFilter(null, null, ownerId, teamOf, null, null, from, to, null, false, false, total);
	}

	/**
	 * @return the deal list page ({@code /opportunities}) showing the deals, where their
	 * amount, close date and stage are changed inline
	 */
	public static String dealListLink(OpportunityFilter filter) {
		return link("/opportunities", filter, "owner", "team", "category", "status");
	}

	/**
	 * @return the API's deal list ({@code /api/v1/opportunities}) of the deals
	 */
	public static String apiLink(OpportunityFilter filter) {
		return link("/api/v1/opportunities", filter, "ownerId", "team", "forecastCategory", "open");
	}

	private static String link(String path, OpportunityFilter filter, String owner, String team, String category,
			String status) {
		// ids, enum names, ISO dates and booleans: nothing to encode (a grid builds
		// thousands of these links)
		QueryLink link = new QueryLink(path);
		if (filter.ownerId() != null) {
			link.add(owner, filter.ownerId());
		}
		if (filter.teamOf() != null) {
			link.add(team, filter.teamOf());
		}
		if (filter.forecastCategory() != null) {
			link.add(category, filter.forecastCategory().name());
		}
		if (filter.forecastTotal() != null) {
			link.add("status".equals(status) ? "forecast" : "forecastTotal", filter.forecastTotal().name());
		}
		if (filter.closeFrom() != null) {
			link.add("closeFrom", filter.closeFrom());
		}
		if (filter.closeTo() != null) {
			link.add("closeTo", filter.closeTo());
		}
		if (filter.open() != null) {
			boolean page = "status".equals(status);
			link.add(status, page ? (filter.open() ? "open" : "closed") : filter.open().toString());
		}
		return link.toString();
	}

	private static final class QueryLink {

		private final StringBuilder link;

		private char separator = '?';

		QueryLink(String path) {
			this.link = new StringBuilder(160).append(path);
		}

		void add(String name, Object value) {
			this.link.append(this.separator).append(name).append('=').append(value);
			this.separator = '&';
		}

		@Override
		public String toString() {
			return this.link.toString();
		}

	}

}
