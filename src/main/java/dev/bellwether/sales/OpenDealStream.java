package dev.bellwether.sales;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * The forecast-relevant state of deals (owner, stage and its place in the pipeline,
 * forecast category, amount, close date) for the forecasting module's pipeline snapshots
 * and comparisons: every open deal in one pass through a server-side cursor, the deals
 * closed in a span of time, and the current state of given deals.
 */
@Service
@Transactional(readOnly = true)
public class OpenDealStream {

	/** Rows fetched from the server at a time: memory stays flat whatever the count. */
	public static final int FETCH_SIZE = 10_000;

	/** Ids looked up in one statement (well under the driver's limit of parameters). */
	static final int BATCH = 5_000;

	private static final String COLUMNS = """
			o.id, o.owner_id, o.stage_id, s.position as stage_position, o.forecast_category, o.amount, o.close_date
			""";

	private final JdbcClient jdbc;

	private final OpportunityAccess access;

	OpenDealStream(JdbcClient jdbc, OpportunityAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/**
	 * A deal's forecast-relevant state at one moment.
	 *
	 * @param stagePosition the stage's place in the pipeline (1 first)
	 * @param amount {@code null} when the deal has none
	 */
	public record DealState(UUID id, UUID ownerId, UUID stageId, int stagePosition, ForecastCategory category,
			BigDecimal amount, LocalDate closeDate) {

		/** The amount, zero for none. */
		public BigDecimal value() {
			return this.amount == null ? BigDecimal.ZERO : this.amount;
		}

	}

	/**
	 * A deal closed won or lost, with its state when it closed.
	 */
	public record ClosedDeal(DealState state, StageOutcome outcome, Instant closedAt) {

	}

	/**
	 * Hands every open deal (not in the recycle bin) to the action, in no particular
	 * order.
	 * @return how many deals there were
	 */
	public long forEachOpen(Consumer<DealState> action) {
		return stream(SqlFilter.none(), action);
	}

	/**
	 * {@link #forEachOpen(Consumer)} for the deals the viewer may see, narrowed to one
	 * owner and/or a manager's organisation (either {@code null} for no narrowing).
	 */
	public long forEachOpen(Viewer viewer, UUID ownerId, UUID teamOf, Consumer<DealState> action) {
		return stream(this.access.readFilter(viewer, "o.owner_id", ownerId, teamOf), action);
	}

	/**
	 * {@link #forEachOpen(Viewer, UUID, UUID, Consumer)} for the deals whose close date
	 * falls in the span (both days included).
	 */
	public long forEachOpenClosingIn(Viewer viewer, UUID ownerId, UUID teamOf, LocalDate first, LocalDate last,
			Consumer<DealState> action) {
		SqlFilter visible = this.access.readFilter(viewer, "o.owner_id", ownerId, teamOf);
		Map<String, Object> parameters = new HashMap<>(visible.parameters());
		parameters.put("first", first);
		parameters.put("last", last);
		return stream(new SqlFilter("o.close_date between :first and :last and " + visible.sql(), parameters), action);
	}

	/**
	 * The deals the viewer may see (narrowed like
	 * {@link #forEachOpen(Viewer, UUID, UUID, Consumer)}) closed after one instant and at
	 * or before another, still closed and not in the recycle bin.
	 */
	public List<ClosedDeal> closedBetween(Viewer viewer, UUID ownerId, UUID teamOf, Instant after, Instant until) {
		SqlFilter visible = this.access.readFilter(viewer, "o.owner_id", ownerId, teamOf);
		List<ClosedDeal> closed = new ArrayList<>();
		this.jdbc
			.sql("select " + COLUMNS + ", s.outcome, o.closed_at from opportunities o"
					+ " join pipeline_stages s on s.id = o.stage_id"
					+ " where o.deleted_at is null and o.closed_at > :after and o.closed_at <= :until and "
					+ visible.sql())
			.params(visible.parameters())
			.param("after", utc(after))
			.param("until", utc(until))
			.withFetchSize(FETCH_SIZE)
			.query(rs -> {
				closed.add(new ClosedDeal(state(rs), StageOutcome.valueOf(rs.getString("outcome")),
						instant(rs, "closed_at")));
			});
		return closed;
	}

	/**
	 * The current state of the given deals that are open and the viewer may see, by id.
	 */
	public Map<UUID, DealState> openOf(Viewer viewer, Collection<UUID> ids) {
		return openOf(viewer, null, null, ids);
	}

	/**
	 * {@link #openOf(Viewer, Collection)} narrowed to one owner and/or a manager's
	 * organisation (either {@code null} for no narrowing), like
	 * {@link #forEachOpen(Viewer, UUID, UUID, Consumer)}.
	 */
	public Map<UUID, DealState> openOf(Viewer viewer, UUID ownerId, UUID teamOf, Collection<UUID> ids) {
		Map<UUID, DealState> open = new HashMap<>();
		if (ids.isEmpty()) {
			return open;
		}
		SqlFilter visible = this.access.readFilter(viewer, "o.owner_id", ownerId, teamOf);
		List<UUID> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += BATCH) {
			this.jdbc
				.sql("select " + COLUMNS + " from opportunities o join pipeline_stages s on s.id = o.stage_id"
						+ " where o.id in (:ids) and o.deleted_at is null and o.closed_at is null and " + visible.sql())
				.params(visible.parameters())
				.param("ids", all.subList(from, Math.min(all.size(), from + BATCH)))
				.query(rs -> {
					DealState state = state(rs);
					open.put(state.id(), state);
				});
		}
		return open;
	}

	private long stream(SqlFilter filter, Consumer<DealState> action) {
		long[] count = { 0 };
		this.jdbc
			.sql("select " + COLUMNS + " from opportunities o join pipeline_stages s on s.id = o.stage_id"
					+ " where o.deleted_at is null and o.closed_at is null and " + filter.sql())
			.params(filter.parameters())
			.withFetchSize(FETCH_SIZE)
			.query(rs -> {
				action.accept(state(rs));
				count[0]++;
			});
		return count[0];
	}

	private static DealState state(ResultSet rs) throws SQLException {
		return new DealState(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
				rs.getObject("stage_id", UUID.class), rs.getInt("stage_position"),
				ForecastCategory.valueOf(rs.getString("forecast_category")), rs.getBigDecimal("amount"),
				rs.getObject("close_date", LocalDate.class));
	}

}
