package dev.bellwether.sales;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The pipeline board: the deals the viewer may see, in a column per active stage, with
 * each column's count and totals computed in the database and only its first cards
 * loaded, in one pass over the deals. Moving a card is {@link Opportunities#changeStage}.
 */
@Service
@Transactional(readOnly = true)
public class PipelineBoard {

	/**
	 * How many cards each column shows; the rest are counted and reachable from the list.
	 */
	public static final int CARDS_PER_COLUMN = 25;

	/**
	 * With {@link ClosePeriod#ALL}, won and lost columns show deals closed this recently.
	 */
	public static final int RECENTLY_CLOSED_DAYS = 90;

	private final JdbcClient jdbc;

	private final OpportunityAccess access;

	private final OpportunityFreshness freshness;

	private final PipelineStages stages;

	private final Opportunities opportunities;

	private final Accounts accounts;

	private final UserDirectory users;

	private final FiscalCalendar calendar;

	private final Clock clock;

	PipelineBoard(JdbcClient jdbc, OpportunityAccess access, OpportunityFreshness freshness, PipelineStages stages,
			Opportunities opportunities, Accounts accounts, UserDirectory users, FiscalCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.freshness = freshness;
		this.stages = stages;
		this.opportunities = opportunities;
		this.accounts = accounts;
		this.users = users;
		this.calendar = calendar;
		this.clock = clock;
	}

	public Board load(Viewer viewer, BoardFilter filter) {
		// the same answer as the home page's team view: a team outside the viewer's
		// organisation is a bad request, not an empty board
		if (filter.teamOf() != null && !this.access.canRead(viewer, filter.teamOf())) {
			throw new InvalidInputException("team", "You can only look at teams in your own organisation.");
		}
		Map<String, Object> params = new HashMap<>();
		String where = where(viewer, filter, params);
		SqlFilter stale = this.freshness.stale("o", "s");
		SqlFilter overdue = this.freshness.overdue("o");
		params.putAll(stale.parameters());
		params.putAll(overdue.parameters());
		params.put("perColumn", CARDS_PER_COLUMN);
		// each column's count, totals and first cards, ranked in one pass
		// over narrow rows that opportunities_owner_stage_idx answers alone;
		// only the cards shown are then read whole
		Map<UUID, long[]> counts = new HashMap<>();
		Map<UUID, BigDecimal[]> totals = new HashMap<>();
		List<CardRow> rows = this.jdbc
			.sql("select o.id, o.name, o.account_id, o.owner_id, o.amount, o.close_date, o.probability,"
					+ " o.forecast_category, o.stage_id, o.version, " + stale.sql() + " as stale, " + overdue.sql()
					+ " as overdue, c.deals, c.total, c.weighted from (select * from (select o.id,"
					+ " row_number() over (partition by o.stage_id order by o.close_date, o.id) as place,"
					+ " count(*) over column_deals as deals, coalesce(sum(o.amount) over column_deals, 0) as total,"
					+ " coalesce(sum(o.amount * o.probability / 100.0) over column_deals, 0) as weighted"
					+ " from opportunities o join pipeline_stages s on s.id = o.stage_id where " + where
					+ " window column_deals as (partition by o.stage_id)) ranked where place <= :perColumn) c"
					+ " join opportunities o on o.id = c.id join pipeline_stages s on s.id = o.stage_id"
					+ " order by o.close_date, o.id")
			.params(params)
			.query((rs, n) -> {
				CardRow row = cardRow(rs, n);
				counts.putIfAbsent(row.stageId(), new long[] { rs.getLong("deals") });
				totals.putIfAbsent(row.stageId(),
						new BigDecimal[] { rs.getBigDecimal("total"), rs.getBigDecimal("weighted") });
				return row;
			})
			.list();
		Set<UUID> accountIds = new HashSet<>();
		Set<UUID> ownerIds = new HashSet<>();
		rows.forEach(row -> {
			accountIds.add(row.accountId());
			ownerIds.add(row.ownerId());
		});
		Map<UUID, String> accountNames = this.accounts.namesOf(accountIds);
		Map<UUID, String> ownerNames = this.users.namesOf(ownerIds);
		Map<UUID, List<Board.Card>> cards = new LinkedHashMap<>();
		for (CardRow row : rows) {
			cards.computeIfAbsent(row.stageId(), id -> new ArrayList<>())
				.add(new Board.Card(row.id(), row.name(), row.accountId(), accountNames.get(row.accountId()),
						row.ownerId(), ownerNames.get(row.ownerId()), row.amount(), row.closeDate(), row.probability(),
						row.forecastCategory(), row.stale(), row.overdue(), this.access.canEdit(viewer, row.ownerId()),
						row.version()));
		}
		List<Board.Column> columns = new ArrayList<>();
		for (PipelineStage stage : this.stages.active()) {
			long count = counts.getOrDefault(stage.id(), new long[] { 0 })[0];
			BigDecimal[] sums = totals.getOrDefault(stage.id(), new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			columns.add(new Board.Column(stage, count, sums[0], sums[1].setScale(2, java.math.RoundingMode.HALF_UP),
					cards.getOrDefault(stage.id(), List.of())));
		}
		return new Board(filter, columns, this.opportunities.currency());
	}

	/**
	 * The close dates a period covers, for links from the board to the deal list.
	 */
	public FiscalCalendar.Period range(ClosePeriod period) {
		return period.range(this.calendar);
	}

	private String where(Viewer viewer, BoardFilter filter, Map<String, Object> params) {
		List<String> terms = new ArrayList<>();
		terms.add("o.deleted_at is null");
		terms.add("not s.retired");
		SqlFilter visible = this.access.readFilter(viewer, "o.owner_id", filter.ownerId(), filter.teamOf());
		terms.add(visible.sql());
		params.putAll(visible.parameters());
		FiscalCalendar.Period range = filter.period().range(this.calendar);
		if (range == null) {
			terms.add("(o.closed_at is null or o.closed_at >= :boardClosedSince)");
			params.put("boardClosedSince", utc(this.clock.instant().minus(Duration.ofDays(RECENTLY_CLOSED_DAYS))));
		}
		else {
			terms.add("o.close_date between :boardFrom and :boardTo");
			params.put("boardFrom", range.start());
			params.put("boardTo", range.end());
		}
		return String.join(" and ", terms);
	}

	private static CardRow cardRow(ResultSet rs, int row) throws SQLException {
		return new CardRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("account_id", UUID.class),
				rs.getObject("owner_id", UUID.class), rs.getBigDecimal("amount"),
				rs.getObject("close_date", LocalDate.class), rs.getInt("probability"),
				ForecastCategory.valueOf(rs.getString("forecast_category")), rs.getObject("stage_id", UUID.class),
				rs.getBoolean("stale"), rs.getBoolean("overdue"), rs.getLong("version"));
	}

	private record CardRow(UUID id, String name, UUID accountId, UUID ownerId, BigDecimal amount, LocalDate closeDate,
			int probability, ForecastCategory forecastCategory, UUID stageId, boolean stale, boolean overdue,
			long version) {
	}

}
