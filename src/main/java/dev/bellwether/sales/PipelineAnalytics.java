package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;

/**
 * Pipeline figures for home pages and dashboards, computed in the database over the deals
 * the viewer may see, optionally narrowed to one manager's organisation: the open
 * pipeline by stage and forecast category, what was won in a period, and how fresh each
 * owner keeps their deals.
 */
@Service
@Transactional(readOnly = true)
public class PipelineAnalytics {

	private final JdbcClient jdbc;

	private final OpportunityAccess access;

	private final OpportunityFreshness freshness;

	private final PipelineStages stages;

	PipelineAnalytics(JdbcClient jdbc, OpportunityAccess access, OpportunityFreshness freshness,
			PipelineStages stages) {
		this.jdbc = jdbc;
		this.access = access;
		this.freshness = freshness;
		this.stages = stages;
	}

	/**
	 * The open pipeline by stage (in pipeline order) and forecast category.
	 * @param teamOf a manager whose organisation's deals to count, or {@code null} for
	 * every deal the viewer may see
	 */
	public List<StageTotals> openPipeline(Viewer viewer, UUID teamOf) {
		Map<String, Object> params = new HashMap<>();
		String where = scope(viewer, teamOf, params) + " and o.closed_at is null";
		Map<UUID, PipelineStage> byId = new HashMap<>();
		this.stages.all().forEach(stage -> byId.put(stage.id(), stage));
		List<StageTotals> totals = new ArrayList<>(this.jdbc
			.sql("select o.stage_id, o.forecast_category, count(*) as deals, coalesce(sum(o.amount), 0) as amount"
					+ " from opportunities o where " + where + " group by o.stage_id, o.forecast_category")
			.params(params)
			.query((rs, n) -> new StageTotals(byId.get(rs.getObject("stage_id", UUID.class)),
					ForecastCategory.valueOf(rs.getString("forecast_category")), rs.getLong("deals"),
					rs.getBigDecimal("amount")))
			.list());
		totals.sort(java.util.Comparator.comparing((StageTotals t) -> t.stage().position())
			.thenComparing(t -> t.category().ordinal()));
		return totals;
	}

	/**
	 * Deals won with their close date in the period (as CRMs report bookings, so that the
	 * figure and the deal list it links to agree).
	 */
	public PeriodTotals won(Viewer viewer, UUID teamOf, FiscalCalendar.Period period) {
		Map<String, Object> params = new HashMap<>();
		String where = scope(viewer, teamOf, params);
		params.put("wonFrom", period.start());
		params.put("wonTo", period.end());
		return this.jdbc
			.sql("select count(*) as deals, coalesce(sum(o.amount), 0) as amount from opportunities o"
					+ " join pipeline_stages s on s.id = o.stage_id where " + where
					+ " and s.outcome = 'WON' and o.close_date between :wonFrom and :wonTo")
			.params(params)
			.query((rs, n) -> new PeriodTotals(period, rs.getLong("deals"), rs.getBigDecimal("amount")))
			.single();
	}

	/**
	 * Each owner's open deals and how fresh they are, the owners with the most stale
	 * deals first: who hasn't touched their deals.
	 */
	public List<OwnerFreshness> ownerFreshness(Viewer viewer, UUID teamOf) {
		Map<String, Object> params = new HashMap<>();
		String where = scope(viewer, teamOf, params) + " and o.closed_at is null";
		SqlFilter stale = this.freshness.stale("o", "s");
		SqlFilter overdue = this.freshness.overdue("o");
		params.putAll(stale.parameters());
		params.putAll(overdue.parameters());
		return this.jdbc
			.sql("select o.owner_id, count(*) as deals, coalesce(sum(o.amount), 0) as amount, count(*) filter (where "
					+ stale.sql() + ") as stale, count(*) filter (where " + overdue.sql()
					+ ") as overdue, max(o.last_touched_at) as last_touched"
					+ " from opportunities o join pipeline_stages s on s.id = o.stage_id where " + where
					+ " group by o.owner_id order by stale desc, last_touched nulls first")
			.params(params)
			.query((rs, n) -> new OwnerFreshness(rs.getObject("owner_id", UUID.class), rs.getLong("deals"),
					rs.getBigDecimal("amount"), rs.getLong("stale"), rs.getLong("overdue"),
					instant(rs, "last_touched")))
			.list();
	}

	private String scope(Viewer viewer, UUID teamOf, Map<String, Object> params) {
		List<String> terms = new ArrayList<>();
		terms.add("o.deleted_at is null");
		SqlFilter visible = this.access.readFilter(viewer, "o.owner_id", null, teamOf);
		terms.add(visible.sql());
		params.putAll(visible.parameters());
		return String.join(" and ", terms);
	}

	/**
	 * Open deals of one stage and forecast category.
	 */
	public record StageTotals(PipelineStage stage, ForecastCategory category, long count, BigDecimal amount) {
	}

	/**
	 * Deals counted over a period.
	 */
	public record PeriodTotals(FiscalCalendar.Period period, long count, BigDecimal amount) {
	}

	/**
	 * One owner's open deals.
	 *
	 * @param stale how many are stale
	 * @param overdue how many are past their close date
	 * @param lastTouched when the owner's most recently touched open deal was touched
	 */
	public record OwnerFreshness(UUID ownerId, long deals, BigDecimal amount, long stale, long overdue,
			Instant lastTouched) {
	}

}
