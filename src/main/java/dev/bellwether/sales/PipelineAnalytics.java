package dev.bellwether.sales;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;

import org.springframework.jdbc.core.RowCallbackHandler;
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
		Map<UUID, PipelineStage> stages = stagesById();
		return inPipelineOrder(this.jdbc
			.sql("select o.stage_id, o.forecast_category, count(*) as deals, coalesce(sum(o.amount), 0) as amount"
					+ " from opportunities o where " + where + " group by o.stage_id, o.forecast_category")
			.params(params)
			.query((rs, n) -> stageTotals(rs, stages))
			.list());
	}

	/**
	 * A team's open deals added up in one pass over them: the open pipeline by stage and
	 * forecast category (as {@link #openPipeline}), and each owner's deals and how fresh
	 * they are, the owners with the most stale deals first (who hasn't touched their
	 * deals). The columns it reads are all in {@code opportunities_touched_idx}, which
	 * answers it without visiting the deals themselves.
	 * @param teamOf a manager whose organisation's deals to count, or {@code null} for
	 * every deal the viewer may see
	 */
	public OpenDeals openDeals(Viewer viewer, UUID teamOf) {
		Map<String, Object> params = new HashMap<>();
		String where = scope(viewer, teamOf, params) + " and o.closed_at is null";
		SqlFilter stale = this.freshness.untouched("o", "s");
		SqlFilter overdue = this.freshness.pastCloseDate("o");
		params.putAll(stale.parameters());
		params.putAll(overdue.parameters());
		Map<UUID, PipelineStage> stages = stagesById();
		List<StageTotals> pipeline = new ArrayList<>();
		List<OwnerFreshness> owners = new ArrayList<>();
		this.jdbc
			.sql("select grouping(o.owner_id) as by_stage, o.stage_id, o.forecast_category, o.owner_id,"
					+ " count(*) as deals, coalesce(sum(o.amount), 0) as amount, count(*) filter (where " + stale.sql()
					+ ") as stale, count(*) filter (where " + overdue.sql()
					+ ") as overdue, max(o.last_touched_at) as last_touched"
					+ " from opportunities o join pipeline_stages s on s.id = o.stage_id where " + where
					+ " group by grouping sets ((o.stage_id, o.forecast_category), (o.owner_id))")
			.params(params)
			.query((RowCallbackHandler) rs -> {
				if (rs.getInt("by_stage") == 1) {
					pipeline.add(stageTotals(rs, stages));
				}
				else {
					owners.add(new OwnerFreshness(rs.getObject("owner_id", UUID.class), rs.getLong("deals"),
							rs.getBigDecimal("amount"), rs.getLong("stale"), rs.getLong("overdue"),
							instant(rs, "last_touched")));
				}
			});
		owners.sort(Comparator.comparingLong(OwnerFreshness::stale)
			.reversed()
			.thenComparing(OwnerFreshness::lastTouched, Comparator.nullsFirst(Comparator.naturalOrder())));
		return new OpenDeals(inPipelineOrder(pipeline), List.copyOf(owners));
	}

	/**
	 * Deals won with their close date in each period (as CRMs report bookings, so that
	 * the figure and the deal list it links to agree), in one pass.
	 * @return the periods' totals, in the order given
	 */
	public List<PeriodTotals> won(Viewer viewer, UUID teamOf, List<FiscalCalendar.Period> periods) {
		if (periods.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		String where = scope(viewer, teamOf, params);
		StringBuilder totals = new StringBuilder();
		for (int i = 0; i < periods.size(); i++) {
			String inPeriod = "o.close_date between :wonFrom" + i + " and :wonTo" + i;
			totals.append(i == 0 ? "" : ", ")
				.append("count(*) filter (where ")
				.append(inPeriod)
				.append(") as deals")
				.append(i)
				.append(", coalesce(sum(o.amount) filter (where ")
				.append(inPeriod)
				.append("), 0) as amount")
				.append(i);
			params.put("wonFrom" + i, periods.get(i).start());
			params.put("wonTo" + i, periods.get(i).end());
		}
		params.put("wonFrom", periods.stream().map(FiscalCalendar.Period::start).min(Comparator.naturalOrder()).get());
		params.put("wonTo", periods.stream().map(FiscalCalendar.Period::end).max(Comparator.naturalOrder()).get());
		return this.jdbc
			.sql("select " + totals + " from opportunities o join pipeline_stages s on s.id = o.stage_id where " + where
					+ " and s.outcome = 'WON' and o.close_date between :wonFrom and :wonTo")
			.params(params)
			.query((rs, n) -> {
				List<PeriodTotals> won = new ArrayList<>();
				for (int i = 0; i < periods.size(); i++) {
					won.add(new PeriodTotals(periods.get(i), rs.getLong("deals" + i), rs.getBigDecimal("amount" + i)));
				}
				return won;
			})
			.single();
	}

	/**
	 * How many open deals some owners have, and their amount, of those the viewer may
	 * see: e.g. the deals of people who were deactivated, which need a new owner.
	 */
	public DealTotals openTotalsOf(Viewer viewer, Collection<UUID> ownerIds) {
		if (ownerIds.isEmpty()) {
			return new DealTotals(0, BigDecimal.ZERO);
		}
		SqlFilter owners = this.access.readFilter(viewer, "o.owner_id", ownerIds);
		return this.jdbc
			.sql("select count(*) as deals, coalesce(sum(o.amount), 0) as amount from opportunities o"
					+ " where o.deleted_at is null and o.closed_at is null and " + owners.sql())
			.params(owners.parameters())
			.query((rs, n) -> new DealTotals(rs.getLong("deals"), rs.getBigDecimal("amount")))
			.single();
	}

	private Map<UUID, PipelineStage> stagesById() {
		Map<UUID, PipelineStage> byId = new HashMap<>();
		this.stages.all().forEach(stage -> byId.put(stage.id(), stage));
		return byId;
	}

	private static StageTotals stageTotals(ResultSet rs, Map<UUID, PipelineStage> stages) throws SQLException {
		return new StageTotals(stages.get(rs.getObject("stage_id", UUID.class)),
				ForecastCategory.valueOf(rs.getString("forecast_category")), rs.getLong("deals"),
				rs.getBigDecimal("amount"));
	}

	private static List<StageTotals> inPipelineOrder(List<StageTotals> totals) {
		List<StageTotals> ordered = new ArrayList<>(totals);
		ordered.sort(Comparator.comparing((StageTotals t) -> t.stage().position())
			.thenComparing(t -> t.category().ordinal()));
		return ordered;
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
	 * Deals counted and added up.
	 */
	public record DealTotals(long count, BigDecimal amount) {
	}

	/**
	 * Deals counted over a period.
	 */
	public record PeriodTotals(FiscalCalendar.Period period, long count, BigDecimal amount) {
	}

	/**
	 * A team's open deals: by stage and category, and by owner.
	 *
	 * @param pipeline by stage (in pipeline order) and forecast category
	 * @param owners the owners with the most stale deals first
	 */
	public record OpenDeals(List<StageTotals> pipeline, List<OwnerFreshness> owners) {

		/**
		 * @return how many of the deals are stale
		 */
		public long stale() {
			return this.owners.stream().mapToLong(OwnerFreshness::stale).sum();
		}

		/**
		 * @return how many of the deals are past their close date
		 */
		public long overdue() {
			return this.owners.stream().mapToLong(OwnerFreshness::overdue).sum();
		}

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
