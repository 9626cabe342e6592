package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.SqlArrays;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How deals turned out, added up in the database over the deals a viewer may see
 * (optionally narrowed to one manager's organisation), for win/loss and pipeline
 * analytics in other modules: deals won and lost per period and per owner (or any
 * grouping of owners), how far deals got through the pipeline and how long they stayed in
 * each stage (from the stage history), and why deals were lost. Each figure has a list of
 * the deals behind it ({@link #deals}).
 * <p>
 * A deal counts as closed in a period when its stage is a won or lost one and its close
 * date is in the period (as bookings are reported, and as the deal list filters). Its
 * sales cycle is the days from the day it was created (in the company's time zone) to its
 * close date, never below 0.
 */
@Service
@Transactional(readOnly = true)
public class DealOutcomes {

	private static final String CYCLE = "greatest(o.close_date - cast(o.created_at at time zone :zone as date), 0)";

	private static final String COMPETITOR = "nullif(lower(btrim(o.competitor)), '')";

	/**
	 * The last open stage a deal was in, from its stage history (its first stage when the
	 * history has none); null when it never was in an open stage.
	 */
	private static final String LOST_AT = """
			left join lateral (select v.stage_id from (
			    select h.to_stage_id as stage_id, h.changed_at, h.id from opportunity_history h where h.opportunity_id = o.id
			    union all select o.first_stage_id, o.created_at, null) v
			  join pipeline_stages vs on vs.id = v.stage_id and vs.outcome = 'OPEN'
			  order by v.changed_at desc, v.id desc nulls last limit 1) lost_at on true
			""";

	/**
	 * A deal's stays in a stage (an entry into a stage, until the next entry into
	 * another): rows of the stage history that start a stay are its creation and the
	 * changes of stage.
	 */
	private static final String STAYS = """
			select h.opportunity_id, h.to_stage_id as stage_id, h.changed_at as entered,
			  lead(h.changed_at) over (partition by h.opportunity_id order by h.changed_at, h.id) as left_at
			from opportunity_history h
			where (h.from_stage_id is null or h.from_stage_id <> h.to_stage_id)
			""";

	private final JdbcClient jdbc;

	private final OpportunityAccess access;

	private final PipelineStages stages;

	private final FiscalCalendar calendar;

	DealOutcomes(JdbcClient jdbc, OpportunityAccess access, PipelineStages stages, FiscalCalendar calendar) {
		this.jdbc = jdbc;
		this.access = access;
		this.stages = stages;
		this.calendar = calendar;
	}

	/**
	 * Deals won and lost with their close date in each period, in one pass: per period
	 * and group, and per period in all.
	 * @param teamOf a manager whose organisation's deals to count, or {@code null} for
	 * every deal the viewer may see
	 * @param groupOf the group each owner counts in (a team); {@code null} to count per
	 * owner; owners not in the map are left out of the group rows
	 * @return a row per period and group, and one per period with a {@code null} group
	 * (the period in all, whatever the groups), for periods with closed deals only
	 */
	public List<Closed> closed(Viewer viewer, UUID teamOf, List<FiscalCalendar.Period> periods,
			Map<UUID, UUID> groupOf) {
		if (periods.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		String where = scope(viewer, teamOf, params);
		periods(periods, params);
		String group = "o.owner_id";
		String groupJoin = "";
		if (groupOf != null) {
			List<UUID> owners = new ArrayList<>(groupOf.keySet());
			params.put("owners", SqlArrays.of(owners));
			params.put("groups", SqlArrays.of(owners.stream().map(groupOf::get).toList()));
			groupJoin = " left join unnest(cast(:owners as uuid[]), cast(:groups as uuid[])) as g(owner_id, group_id)"
					+ " on g.owner_id = o.owner_id";
			group = "g.group_id";
		}
		List<Closed> rows = new ArrayList<>();
		customPlan(this.jdbc);
		this.jdbc.sql("select p.n, " + group + " as group_id, grouping(" + group + ") as total,"
				+ " count(*) filter (where s.outcome = 'WON') as won, count(*) filter (where s.outcome = 'LOST') as lost,"
				+ " coalesce(sum(o.amount) filter (where s.outcome = 'WON'), 0) as won_amount,"
				+ " coalesce(sum(o.amount) filter (where s.outcome = 'LOST'), 0) as lost_amount," + " coalesce(sum("
				+ CYCLE + ") filter (where s.outcome = 'WON'), 0) as cycle_days,"
				+ " percentile_cont(0.5) within group (order by " + CYCLE
				+ ") filter (where s.outcome = 'WON') as median_cycle"
				+ " from opportunities o join pipeline_stages s on s.id = o.stage_id"
				+ " join unnest(cast(:starts as date[]), cast(:ends as date[])) with ordinality as p(first_day, last_day, n)"
				+ " on o.close_date between p.first_day and p.last_day" + groupJoin + " where " + where
				+ " and o.closed_at is not null and s.outcome in ('WON', 'LOST') and o.close_date between :from and :to"
				+ " group by grouping sets ((p.n, " + group + "), (p.n))")
			.params(params)
			.query((RowCallbackHandler) rs -> {
				boolean total = rs.getInt("total") == 1;
				UUID groupId = rs.getObject("group_id", UUID.class);
				if (!total && groupId == null) {
					// owners outside the groups given
					return;
				}
				double median = rs.getDouble("median_cycle");
				Double medianCycle = rs.wasNull() ? null : median;
				rows.add(new Closed(rs.getInt("n") - 1, total ? null : groupId, rs.getLong("won"), rs.getLong("lost"),
						rs.getBigDecimal("won_amount"), rs.getBigDecimal("lost_amount"), rs.getLong("cycle_days"),
						medianCycle));
			});
		return rows;
	}

	/**
	 * A deal won, as it stands now: its owner, amount, close date and when it was closed.
	 */
	public record WonDeal(UUID id, UUID ownerId, BigDecimal amount, LocalDate closeDate, java.time.Instant closedAt) {

		/**
		 * @return its amount, 0 when it has none
		 */
		public BigDecimal value() {
			return this.amount == null ? BigDecimal.ZERO : this.amount;
		}

	}

	/**
	 * The deals won (a won stage, closed) with their close date between two days (both
	 * included), among those the viewer may see, optionally narrowed to a manager's
	 * organisation: for forecast accuracy, which needs each one's owner, close date and
	 * the moment it was closed.
	 */
	public List<WonDeal> won(Viewer viewer, UUID teamOf, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		String where = scope(viewer, teamOf, params);
		params.put("from", from);
		params.put("to", to);
		return this.jdbc
			.sql("select o.id, o.owner_id, o.amount, o.close_date, o.closed_at from opportunities o"
					+ " join pipeline_stages s on s.id = o.stage_id where " + where
					+ " and s.outcome = 'WON' and o.closed_at is not null and o.close_date between :from and :to")
			.params(params)
			.query((rs, n) -> new WonDeal(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
					rs.getBigDecimal("amount"), rs.getObject("close_date", LocalDate.class),
					rs.getObject("closed_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * The open deals now (whatever their close date).
	 */
	public PipelineAnalytics.DealTotals open(Viewer viewer, UUID teamOf) {
		Map<String, Object> params = new HashMap<>();
		String where = scope(viewer, teamOf, params);
		return this.jdbc
			.sql("select count(*) as deals, coalesce(sum(o.amount), 0) as amount from opportunities o where " + where
					+ " and o.closed_at is null")
			.params(params)
			.query((rs, n) -> new PipelineAnalytics.DealTotals(rs.getLong("deals"), rs.getBigDecimal("amount")))
			.single();
	}

	/**
	 * How far the deals created in a period got: for each open stage (in pipeline order)
	 * how many of them reached it or a later open stage (by the stage history, the first
	 * recorded stage included) or were won.
	 */
	public Funnel funnel(Viewer viewer, UUID teamOf, FiscalCalendar.Period period) {
		Map<String, Object> params = new HashMap<>();
		String where = scope(viewer, teamOf, params) + " and " + createdIn(period, params);
		Map<UUID, Long> reached = new HashMap<>();
		long[] totals = new long[2];
		this.jdbc.sql("with cohort as (select o.id, o.first_stage_id, s.outcome from opportunities o"
				+ " join pipeline_stages s on s.id = o.stage_id where " + where + "),"
				+ " furthest as (select c.id, c.outcome, max(vs.position) filter (where vs.outcome = 'OPEN') as position"
				+ " from cohort c join lateral (select h.to_stage_id as stage_id from opportunity_history h"
				+ " where h.opportunity_id = c.id union all select c.first_stage_id) v on true"
				+ " join pipeline_stages vs on vs.id = v.stage_id group by c.id, c.outcome)"
				+ " select st.id as stage_id, count(f.id) as reached, (select count(*) from furthest) as deals,"
				+ " (select count(*) from furthest where outcome = 'WON') as won from pipeline_stages st"
				+ " left join furthest f on f.outcome = 'WON' or f.position >= st.position"
				+ " where st.outcome = 'OPEN' group by st.id")
			.params(params)
			.query((RowCallbackHandler) rs -> {
				reached.put(rs.getObject("stage_id", UUID.class), rs.getLong("reached"));
				totals[0] = rs.getLong("deals");
				totals[1] = rs.getLong("won");
			});
		List<StageReach> steps = new ArrayList<>();
		for (PipelineStage stage : this.stages.all()) {
			long count = reached.getOrDefault(stage.id(), 0L);
			if (stage.isOpen() && (!stage.retired() || count > 0)) {
				steps.add(new StageReach(stage, count));
			}
		}
		return new Funnel(totals[0], steps, totals[1]);
	}

	/**
	 * How long deals stayed in each open stage, over the stays that ended (the deal moved
	 * to another stage) in the period, in days.
	 */
	public List<StageTime> timeInStage(Viewer viewer, UUID teamOf, FiscalCalendar.Period period) {
		Map<String, Object> params = new HashMap<>();
		String where = scope(viewer, teamOf, params);
		params.put("fromInstant", at(period.start()));
		params.put("toInstant", at(period.end().plusDays(1)));
		Map<UUID, StageTime> byStage = new HashMap<>();
		this.jdbc
			.sql("with stays as (" + STAYS + " and h.opportunity_id in (select o.id from opportunities o where " + where
					+ " and o.created_at < :toInstant and (o.closed_at is null or o.closed_at >= :fromInstant)))"
					+ " select t.stage_id, count(*) as stays,"
					+ " percentile_cont(0.5) within group (order by t.days) as median_days, avg(t.days) as mean_days"
					+ " from (select stage_id, extract(epoch from left_at - entered) / 86400.0 as days from stays"
					+ " where left_at >= :fromInstant and left_at < :toInstant) t group by t.stage_id")
			.params(params)
			.query((RowCallbackHandler) rs -> {
				UUID stageId = rs.getObject("stage_id", UUID.class);
				byStage.put(stageId, new StageTime(null, rs.getLong("stays"), rs.getDouble("median_days"),
						rs.getDouble("mean_days")));
			});
		List<StageTime> times = new ArrayList<>();
		for (PipelineStage stage : this.stages.all()) {
			StageTime time = byStage.get(stage.id());
			if (stage.isOpen() && (!stage.retired() || time != null)) {
				times.add(time == null ? new StageTime(stage, 0, null, null)
						: new StageTime(stage, time.stays(), time.medianDays(), time.meanDays()));
			}
		}
		return times;
	}

	/**
	 * The deals lost with their close date in the period, by loss reason, by competitor
	 * (compared without case and surrounding spaces) and by the stage they were lost at
	 * (their last open stage), the largest count first.
	 */
	public Losses losses(Viewer viewer, UUID teamOf, FiscalCalendar.Period period) {
		Map<String, Object> params = new HashMap<>();
		String where = scope(viewer, teamOf, params) + " and " + closedIn(period, params);
		Map<UUID, PipelineStage> stagesById = new HashMap<>();
		this.stages.all().forEach(stage -> stagesById.put(stage.id(), stage));
		List<Loss> reasons = new ArrayList<>();
		List<Loss> competitors = new ArrayList<>();
		List<Loss> lostAt = new ArrayList<>();
		this.jdbc
			.sql("select grouping(o.loss_reason, " + COMPETITOR + ", lost_at.stage_id) as g," + " o.loss_reason, "
					+ COMPETITOR + " as competitor_key, min(btrim(o.competitor)) as competitor,"
					+ " lost_at.stage_id, count(*) as deals, coalesce(sum(o.amount), 0) as amount"
					+ " from opportunities o join pipeline_stages s on s.id = o.stage_id " + LOST_AT + " where " + where
					+ " and s.outcome = 'LOST' group by grouping sets ((o.loss_reason), (" + COMPETITOR
					+ "), (lost_at.stage_id))")
			.params(params)
			.query((RowCallbackHandler) rs -> {
				int g = rs.getInt("g");
				long deals = rs.getLong("deals");
				BigDecimal amount = rs.getBigDecimal("amount");
				if (g == 3) {
					reasons.add(new Loss(rs.getString("loss_reason"), null, deals, amount));
				}
				else if (g == 5) {
					competitors.add(new Loss(rs.getString("competitor"), null, deals, amount));
				}
				else {
					UUID stageId = rs.getObject("stage_id", UUID.class);
					PipelineStage stage = stageId == null ? null : stagesById.get(stageId);
					lostAt.add(new Loss(stage == null ? null : stage.name(), stage, deals, amount));
				}
			});
		java.util.Comparator<Loss> largest = java.util.Comparator.comparingLong(Loss::deals)
			.reversed()
			.thenComparing(Loss::amount, java.util.Comparator.reverseOrder())
			.thenComparing(Loss::label, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
		reasons.sort(largest);
		competitors.sort(largest);
		lostAt.sort(java.util.Comparator
			.comparing((Loss loss) -> loss.stage() == null ? Integer.MAX_VALUE : loss.stage().position()));
		return new Losses(reasons, competitors, lostAt);
	}

	/**
	 * The deals behind a figure, the latest close date first.
	 * @param ownerId only this owner's, or {@code null}
	 * @param limit at most this many
	 */
	public DealList deals(Viewer viewer, UUID teamOf, UUID ownerId, FiscalCalendar.Period period, Drill drill,
			String value, int limit) {
		Map<String, Object> params = new HashMap<>();
		List<String> terms = new ArrayList<>();
		terms.add(scope(viewer, teamOf, params));
		if (ownerId != null) {
			terms.add("o.owner_id = :ownerId");
			params.put("ownerId", ownerId);
		}
		String join = "";
		UUID stageId = (value == null || !drill.stageValue()) ? null : parseStage(value);
		switch (drill) {
			case WON -> terms.add("s.outcome = 'WON' and o.closed_at is not null and " + closedIn(period, params));
			case LOST -> terms.add("s.outcome = 'LOST' and o.closed_at is not null and " + closedIn(period, params));
			case CLOSED ->
				terms.add("s.outcome in ('WON', 'LOST') and o.closed_at is not null and " + closedIn(period, params));
			case OPEN -> terms.add("o.closed_at is null");
			case CREATED -> {
				terms.add(createdIn(period, params));
				if ("won".equalsIgnoreCase(value)) {
					terms.add("s.outcome = 'WON'");
				}
			}
			case REACHED -> {
				terms.add(createdIn(period, params));
				terms.add("(s.outcome = 'WON' or exists (select 1 from (select h.to_stage_id as stage_id"
						+ " from opportunity_history h where h.opportunity_id = o.id union all select o.first_stage_id) v"
						+ " join pipeline_stages vs on vs.id = v.stage_id where vs.outcome = 'OPEN'"
						+ " and vs.position >= (select position from pipeline_stages where id = :stageId)))");
				params.put("stageId", stageId);
			}
			case STAYED -> {
				params.put("fromInstant", at(period.start()));
				params.put("toInstant", at(period.end().plusDays(1)));
				terms.add("exists (select 1 from (" + STAYS + " and h.opportunity_id = o.id) t"
						+ " where t.stage_id = :stageId and t.left_at >= :fromInstant and t.left_at < :toInstant)");
				params.put("stageId", stageId);
			}
			case LOST_AT -> {
				join = LOST_AT;
				terms.add("s.outcome = 'LOST' and o.closed_at is not null and " + closedIn(period, params));
				terms.add(stageId == null ? "lost_at.stage_id is null" : "lost_at.stage_id = :stageId");
				params.put("stageId", stageId);
			}
			case REASON -> {
				terms.add("s.outcome = 'LOST' and o.closed_at is not null and " + closedIn(period, params));
				terms.add(value == null || value.isBlank() ? "o.loss_reason is null" : "o.loss_reason = :value");
				params.put("value", value);
			}
			case COMPETITOR -> {
				terms.add("s.outcome = 'LOST' and o.closed_at is not null and " + closedIn(period, params));
				terms.add(value == null || value.isBlank() ? COMPETITOR + " is null"
						: COMPETITOR + " = lower(btrim(:value))");
				params.put("value", value);
			}
		}
		params.put("limit", limit);
		params.put("zone", this.calendar.zone().getId());
		List<DealRow> rows = new ArrayList<>();
		long[] total = new long[1];
		this.jdbc.sql("select o.id, o.name, o.owner_id, s.name as stage_name, s.outcome, o.amount, o.close_date,"
				+ " cast(o.created_at at time zone :zone as date) as created_on, o.loss_reason, o.loss_reason_detail,"
				+ " o.competitor, count(*) over () as total from opportunities o join pipeline_stages s on s.id = o.stage_id "
				+ join + " where " + String.join(" and ", terms) + " order by o.close_date desc, o.id limit :limit")
			.params(params)
			.query((RowCallbackHandler) rs -> {
				total[0] = rs.getLong("total");
				rows.add(new DealRow(rs.getObject("id", UUID.class), rs.getString("name"),
						rs.getObject("owner_id", UUID.class), rs.getString("stage_name"),
						StageOutcome.valueOf(rs.getString("outcome")), rs.getBigDecimal("amount"),
						rs.getObject("close_date", LocalDate.class), rs.getObject("created_on", LocalDate.class),
						rs.getString("loss_reason"), rs.getString("loss_reason_detail"), rs.getString("competitor")));
			});
		return new DealList(rows, total[0]);
	}

	private static UUID parseStage(String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new dev.bellwether.platform.InvalidInputException("stage", "A stage is named by its id.");
		}
	}

	private String closedIn(FiscalCalendar.Period period, Map<String, Object> params) {
		params.put("from", period.start());
		params.put("to", period.end());
		return "o.close_date between :from and :to";
	}

	private String createdIn(FiscalCalendar.Period period, Map<String, Object> params) {
		params.put("createdFrom", at(period.start()));
		params.put("createdTo", at(period.end().plusDays(1)));
		return "o.created_at >= :createdFrom and o.created_at < :createdTo";
	}

	private void periods(List<FiscalCalendar.Period> periods, Map<String, Object> params) {
		params.put("starts", SqlArrays.of(periods.stream().map(FiscalCalendar.Period::start).toList()));
		params.put("ends", SqlArrays.of(periods.stream().map(FiscalCalendar.Period::end).toList()));
		params.put("from", periods.stream().map(FiscalCalendar.Period::start).min(LocalDate::compareTo).get());
		params.put("to", periods.stream().map(FiscalCalendar.Period::end).max(LocalDate::compareTo).get());
	}

	private OffsetDateTime at(LocalDate day) {
		return this.calendar.startOf(day).atOffset(ZoneOffset.UTC);
	}

	/**
	 * Plans the rest of the transaction's statements for their parameters' values each
	 * time. From a connection's fifth run of a statement the driver prepares it on the
	 * server, where PostgreSQL may switch to a generic plan, which cannot know how many
	 * owners a list or an array holds: for the company's 2,000 people it planned the
	 * owners' groups ({@code unnest}) as 10 rows and joined them by nested loop, 90 s at
	 * a million deals against 2 s planned for the values (docs/benchmarks.md, issue #14).
	 * Outside a transaction it does nothing.
	 */
	static void customPlan(JdbcClient jdbc) {
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
	}

	private String scope(Viewer viewer, UUID teamOf, Map<String, Object> params) {
		SqlFilter visible = this.access.readFilter(viewer, "o.owner_id", null, teamOf);
		params.putAll(visible.parameters());
		params.put("zone", this.calendar.zone().getId());
		return "o.deleted_at is null and " + visible.sql();
	}

	/**
	 * Deals closed in one period (by its index in the periods asked for), of one group or
	 * in all.
	 *
	 * @param group the owner or group; {@code null} for the period in all
	 * @param wonAmount the won deals' amounts added up (a deal without an amount adds 0)
	 * @param cycleDays the won deals' sales cycles added up, in days
	 * @param medianCycleDays the median of the won deals' sales cycles; {@code null}
	 * without won deals
	 */
	public record Closed(int period, UUID group, long won, long lost, BigDecimal wonAmount, BigDecimal lostAmount,
			long cycleDays, Double medianCycleDays) {
	}

	/**
	 * How far the deals created in a period got.
	 *
	 * @param deals how many were created
	 * @param steps per open stage, in pipeline order
	 * @param won how many of them are won
	 */
	public record Funnel(long deals, List<StageReach> steps, long won) {
	}

	/**
	 * How many deals reached a stage or went further.
	 */
	public record StageReach(PipelineStage stage, long reached) {
	}

	/**
	 * The stays in a stage that ended in a period, in days ({@code null} without any).
	 */
	public record StageTime(PipelineStage stage, long stays, Double medianDays, Double meanDays) {
	}

	/**
	 * Lost deals by reason, competitor and stage lost at.
	 */
	public record Losses(List<Loss> reasons, List<Loss> competitors, List<Loss> lostAt) {
	}

	/**
	 * Lost deals of one reason, competitor or stage.
	 *
	 * @param label the reason, the competitor or the stage's name; {@code null} for none
	 * given (or a deal never in an open stage)
	 * @param stage the stage lost at, for those by stage
	 */
	public record Loss(String label, PipelineStage stage, long deals, BigDecimal amount) {
	}

	/**
	 * The deals behind an analytics figure.
	 *
	 * @param total how many there are in all (the list may stop before)
	 */
	public record DealList(List<DealRow> deals, long total) {
	}

	/**
	 * A deal as analytics lists it.
	 */
	public record DealRow(UUID id, String name, UUID ownerId, String stageName, StageOutcome outcome, BigDecimal amount,
			LocalDate closeDate, LocalDate createdOn, String lossReason, String lossReasonDetail, String competitor) {
	}

	/**
	 * Which deals a figure counts ({@link #deals}).
	 */
	public enum Drill {

		/** Won with the close date in the period. */
		WON,
		/** Lost with the close date in the period. */
		LOST,
		/** Won or lost with the close date in the period. */
		CLOSED,
		/** Open now. */
		OPEN,
		/**
		 * Created in the period (the funnel's deals; with the value {@code won}, those
		 * won).
		 */
		CREATED,
		/** Created in the period and reached the stage given (by id) or further. */
		REACHED,
		/** With a stay in the stage given (by id) that ended in the period. */
		STAYED,
		/** Lost in the period at the stage given (by id; none: never open). */
		LOST_AT,
		/** Lost in the period for the reason given (none: without one). */
		REASON,
		/** Lost in the period against the competitor given (none: without one). */
		COMPETITOR;

		boolean stageValue() {
			return this == REACHED || this == STAYED || this == LOST_AT;
		}

	}

}
