package dev.bellwether.forecasting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.platform.db.CopyRows;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.OpenDealStream;
import dev.bellwether.sales.OpenDealStream.DealState;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Snapshots of the open pipeline: every open deal's owner, stage, forecast category,
 * amount and close date at one moment, taken weekly by {@link PipelineSnapshotJob} and on
 * demand by managers, executives and administrators. The deals come from the sales
 * module's {@link OpenDealStream} (one pass through a server-side cursor) and go into
 * {@code pipeline_snapshot_deals} with PostgreSQL's COPY, on a connection of their own,
 * in one transaction: a snapshot is seen whole or not at all.
 * <p>
 * One snapshot of a kind per minute: a second request in the same minute (a double click,
 * the weekly job started on two nodes) waits for the first and returns it.
 */
@Service
public class PipelineSnapshots {

	public static final String RECORD_TYPE = "pipeline snapshot";

	/** Who may take a snapshot on demand. */
	public static final Set<Role> MAY_TAKE = EnumSet.of(Role.MANAGER, Role.EXECUTIVE, Role.SALES_ADMIN, Role.ADMIN);

	/** Who may see the company-wide totals of a snapshot. */
	static final Set<Role> SEE_TOTALS = EnumSet.of(Role.EXECUTIVE, Role.SALES_ADMIN, Role.ADMIN);

	private static final Logger log = LoggerFactory.getLogger(PipelineSnapshots.class);

	private static final int ROWS_PER_COPY = OpenDealStream.FETCH_SIZE;

	private static final String DEALS = """
			select d.deal_id, d.owner_id, d.stage_id, d.stage_position, d.forecast_category, d.amount, d.close_date
			from pipeline_snapshot_deals d where d.snapshot_id = :snapshot and\s""";

	private static final String SNAPSHOT_COLUMNS = "id, kind, taken_at, taken_by, deal_count, amount, duration_ms";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final OpenDealStream deals;

	private final Clock clock;

	private final ReentrantLock oneAtATime = new ReentrantLock();

	PipelineSnapshots(JdbcClient jdbc, DataSource dataSource, OpenDealStream deals, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.deals = deals;
		this.clock = clock;
	}

	public enum Kind {

		WEEKLY, ON_DEMAND

	}

	/**
	 * @param takenBy who asked for it, {@code null} for the weekly job
	 * @param dealCount {@code null} when the viewer may not see the company's totals
	 * @param amount {@code null} when the viewer may not see the company's totals
	 */
	public record Snapshot(UUID id, Kind kind, Instant takenAt, UUID takenBy, Long dealCount, BigDecimal amount,
			Long durationMillis) {

		Snapshot forViewer(Viewer viewer) {
			return SEE_TOTALS.contains(viewer.role()) ? this
					: new Snapshot(this.id, this.kind, this.takenAt, this.takenBy, null, null, null);
		}

	}

	/**
	 * @param taken false when the snapshot was already taken this minute (nothing
	 * written)
	 */
	public record Taken(Snapshot snapshot, boolean taken) {

	}

	public boolean mayTake(Viewer viewer) {
		return MAY_TAKE.contains(viewer.role());
	}

	/**
	 * Takes a snapshot now, or returns the one taken on demand earlier in the same
	 * minute.
	 * @throws ForbiddenException for a rep and the roles outside sales
	 */
	public Taken takeOnDemand(Viewer viewer) {
		if (!mayTake(viewer)) {
			throw new ForbiddenException("Only managers, executives and administrators take pipeline snapshots.");
		}
		Taken taken = take(Kind.ON_DEMAND, viewer.id(), this.clock.instant());
		return new Taken(taken.snapshot().forViewer(viewer), taken.taken());
	}

	/**
	 * The weekly snapshot (the job's work), or the one already taken this minute.
	 */
	public Taken takeWeekly() {
		return take(Kind.WEEKLY, null, this.clock.instant());
	}

	Taken take(Kind kind, UUID takenBy, Instant at) {
		// one snapshot at a time on this node: a request waiting here holds no connection
		// (one waiting on the unique index would hold one while the first needs a second)
		this.oneAtATime.lock();
		try {
			return takeAlone(kind, takenBy, at);
		}
		finally {
			this.oneAtATime.unlock();
		}
	}

	private Taken takeAlone(Kind kind, UUID takenBy, Instant at) {
		long started = System.nanoTime();
		Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
		UUID id = Ids.newId();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				if (!insertHeader(connection, id, kind, at, minute, takenBy)) {
					connection.rollback();
					return new Taken(find(kind, minute).orElseThrow(
							() -> new IllegalStateException("A " + kind + " snapshot of " + minute + " vanished")),
							false);
				}
				Written written = copyOpenDeals(connection, id);
				long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
				try (PreparedStatement update = connection.prepareStatement(
						"update pipeline_snapshots set deal_count = ?, amount = ?, duration_ms = ? where id = ?")) {
					update.setLong(1, written.count);
					update.setBigDecimal(2, written.amount);
					update.setLong(3, millis);
					update.setObject(4, id);
					update.executeUpdate();
				}
				connection.commit();
				log.info("Pipeline snapshot {} ({}): {} open deals in {} ms", id, kind, written.count, millis);
				return new Taken(new Snapshot(id, kind, at, takenBy, written.count, written.amount, millis), true);
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not write the pipeline snapshot", ex);
		}
	}

	private boolean insertHeader(Connection connection, UUID id, Kind kind, Instant at, Instant minute, UUID takenBy)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into pipeline_snapshots (id, kind, taken_at, taken_minute, taken_by, created_at, created_by,
				                                updated_at, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (kind, taken_minute) do nothing
				""")) {
			insert.setObject(1, id);
			insert.setString(2, kind.name());
			insert.setObject(3, utc(at));
			insert.setObject(4, utc(minute));
			insert.setObject(5, takenBy);
			insert.setObject(6, utc(at));
			insert.setObject(7, takenBy);
			insert.setObject(8, utc(at));
			insert.setObject(9, takenBy);
			return insert.executeUpdate() == 1;
		}
	}

	private Written copyOpenDeals(Connection connection, UUID snapshotId) throws SQLException {
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		CopyRows rows = new CopyRows("pipeline_snapshot_deals",
				"snapshot_id, deal_id, owner_id, stage_id, stage_position, forecast_category, amount, close_date");
		Written written = new Written();
		this.deals.forEachOpen(deal -> {
			rows.uuid(snapshotId)
				.uuid(deal.id())
				.uuid(deal.ownerId())
				.uuid(deal.stageId())
				.integer(deal.stagePosition())
				.text(deal.category().name())
				.amount(deal.amount())
				.date(deal.closeDate())
				.endRow();
			written.count++;
			written.amount = written.amount.add(deal.value());
			if (rows.rows() >= ROWS_PER_COPY) {
				send(rows, copy);
			}
		});
		send(rows, copy);
		return written;
	}

	private static void send(CopyRows rows, CopyManager copy) {
		try {
			rows.copyTo(copy);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not copy the snapshot's deals", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The snapshots, newest first.
	 */
	public List<Snapshot> list(Viewer viewer, int limit) {
		return this.jdbc
			.sql("select " + SNAPSHOT_COLUMNS + " from pipeline_snapshots order by taken_at desc, id desc limit :limit")
			.param("limit", limit)
			.query((rs, row) -> snapshot(rs).forViewer(viewer))
			.list();
	}

	/**
	 * @throws RecordNotFoundException when there is no such snapshot
	 */
	public Snapshot get(Viewer viewer, UUID id) {
		return find(id).map(snapshot -> snapshot.forViewer(viewer))
			.orElseThrow(() -> RecordNotFoundException.of(RECORD_TYPE, id));
	}

	Optional<Snapshot> find(UUID id) {
		return this.jdbc.sql("select " + SNAPSHOT_COLUMNS + " from pipeline_snapshots where id = :id")
			.param("id", id)
			.query((rs, row) -> snapshot(rs))
			.optional();
	}

	private Optional<Snapshot> find(Kind kind, Instant minute) {
		return this.jdbc
			.sql("select " + SNAPSHOT_COLUMNS
					+ " from pipeline_snapshots where kind = :kind and taken_minute = :minute")
			.param("kind", kind.name())
			.param("minute", utc(minute))
			.query((rs, row) -> snapshot(rs))
			.optional();
	}

	/**
	 * The snapshot taken closest to an instant (the earlier of two equally close), if any
	 * was taken.
	 */
	public Optional<Snapshot> nearest(Instant at) {
		return this.jdbc.sql("select " + SNAPSHOT_COLUMNS + """
				 from (
				   (select * from pipeline_snapshots where taken_at <= :at order by taken_at desc limit 1)
				   union all
				   (select * from pipeline_snapshots where taken_at > :at order by taken_at limit 1)
				 ) s
				 order by abs(extract(epoch from taken_at - cast(:at as timestamptz))), taken_at
				 limit 1
				""").param("at", utc(at)).query((rs, row) -> snapshot(rs)).optional();
	}

	/**
	 * Hands the snapshot's deals whose owner passes the filter (over the column
	 * {@code d.owner_id}) to the action.
	 */
	void forEachDeal(UUID snapshotId, SqlFilter owners, Consumer<DealState> action) {
		this.jdbc.sql(DEALS + owners.sql())
			.params(owners.parameters())
			.param("snapshot", snapshotId)
			.withFetchSize(OpenDealStream.FETCH_SIZE)
			.query(rs -> {
				action.accept(deal(rs));
			});
	}

	/**
	 * {@link #forEachDeal(UUID, SqlFilter, Consumer)} for the deals whose close date
	 * falls in the span (both days included).
	 */
	void forEachDealClosingIn(UUID snapshotId, SqlFilter owners, LocalDate first, LocalDate last,
			Consumer<DealState> action) {
		this.jdbc.sql(DEALS + "d.close_date between :first and :last and " + owners.sql())
			.params(owners.parameters())
			.param("snapshot", snapshotId)
			.param("first", first)
			.param("last", last)
			.withFetchSize(OpenDealStream.FETCH_SIZE)
			.query(rs -> {
				action.accept(deal(rs));
			});
	}

	/**
	 * The given deals as the snapshot has them (those in it whose owner passes the
	 * filter), by id.
	 */
	Map<UUID, DealState> dealsOf(UUID snapshotId, SqlFilter owners, Collection<UUID> dealIds) {
		Map<UUID, DealState> found = new HashMap<>();
		if (dealIds.isEmpty()) {
			return found;
		}
		// one array parameter, however many deals: tens of thousands cross a quarter's
		// boundary in a week at a million deals
		this.jdbc.sql(DEALS + owners.sql() + " and d.deal_id = any(cast(:deals as uuid[]))")
			.params(owners.parameters())
			.param("snapshot", snapshotId)
			.param("deals", SqlArrays.of(dealIds))
			.withFetchSize(OpenDealStream.FETCH_SIZE)
			.query(rs -> {
				DealState deal = deal(rs);
				found.put(deal.id(), deal);
			});
		return found;
	}

	private static DealState deal(ResultSet rs) throws SQLException {
		return new DealState(rs.getObject("deal_id", UUID.class), rs.getObject("owner_id", UUID.class),
				rs.getObject("stage_id", UUID.class), rs.getInt("stage_position"),
				ForecastCategory.valueOf(rs.getString("forecast_category")), rs.getBigDecimal("amount"),
				rs.getObject("close_date", LocalDate.class));
	}

	private static Snapshot snapshot(ResultSet rs) throws SQLException {
		long duration = rs.getLong("duration_ms");
		Long durationMillis = rs.wasNull() ? null : duration;
		return new Snapshot(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")), instant(rs, "taken_at"),
				rs.getObject("taken_by", UUID.class), rs.getLong("deal_count"), rs.getBigDecimal("amount"),
				durationMillis);
	}

	private static final class Written {

		long count;

		BigDecimal amount = BigDecimal.ZERO;

	}

}
