package dev.bellwether.customers;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.SqlArrays;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The references records hold to a merged account or contact (a contact's account, a
 * deal's primary contact, an activity's account …), moved to the record that survives and
 * back on undo the same way for every module: each record moved is a change in its field
 * history, and a move is kept with the version it left the record at, so that an undo
 * moves back only what is still as the merge left it. Each module runs the statements
 * over its own table ({@link #MOVE} and {@link #MOVE_BACK} formatted with it, or its
 * own); this binds them and does the rest.
 */
@Component
public class MergedReferences {

	/**
	 * The statement {@link #move} takes, for a table with the columns every business
	 * table has: format it with the table and the column referring to the merged record
	 * (constants, never input). A record is never made to refer to itself (a child
	 * account merged with its parent).
	 */
	public static final String MOVE = """
			update %1$s set %2$s = :survivor, updated_at = :at, updated_by = :actor, version = version + 1
			where %2$s = :loser and id <> :survivor and deleted_at is null returning id, version
			""";

	/** The statement {@link #moveBack} takes; formatted as {@link #MOVE}. */
	public static final String MOVE_BACK = """
			update %1$s t set %2$s = :loser, updated_at = :at, updated_by = :actor, version = t.version + 1
			from unnest(cast(:ids as uuid[]), cast(:versions as bigint[])) as m(id, version)
			where t.id = m.id and t.version = m.version and t.%2$s = :survivor and t.deleted_at is null
			returning t.id
			""";

	private final ApplicationEventPublisher events;

	MergedReferences(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * Points the loser's records at the survivor.
	 * @param recordType the type of the records moved
	 * @param field the field that refers to the merged record ({@code accountId})
	 * @param update the module's statement: sets the reference from {@code :loser} to
	 * {@code :survivor} (with {@code :at} and {@code :actor} as the update's time and
	 * author) on the records not in the recycle bin, returning each one's {@code id} and
	 * new {@code version}
	 * @return the moves, for {@link MergedRecordsMoved} (or customers' own record of
	 * them)
	 */
	public List<MergeMove> move(String recordType, String field, JdbcClient.StatementSpec update, UUID loserId,
			UUID survivorId, UUID actorId, Instant at) {
		List<MergeMove> moves = update.param("survivor", survivorId)
			.param("loser", loserId)
			.param("at", utc(at))
			.param("actor", actorId)
			.query((rs, n) -> new MergeMove(recordType, rs.getObject("id", UUID.class), field, rs.getLong("version")))
			.list();
		publish(recordType, field, moves.stream().map(MergeMove::recordId).toList(), loserId, survivorId, actorId, at);
		return moves;
	}

	/**
	 * Points back at the loser those of a merge's moves of this type and field that are
	 * still as the merge left them.
	 * @param update the module's statement: sets the reference from {@code :survivor}
	 * back to {@code :loser} on the records among {@code :ids} still at the
	 * {@code :versions} the merge left them (two arrays, in step), returning each one's
	 * {@code id}
	 * @return the moves left as they are: changed since the merge
	 */
	public List<MergeMove> moveBack(String recordType, String field, JdbcClient.StatementSpec update,
			List<MergeMove> moves, UUID loserId, UUID survivorId, UUID actorId, Instant at) {
		List<MergeMove> own = moves.stream()
			.filter(move -> move.recordType().equals(recordType) && move.field().equals(field))
			.toList();
		if (own.isEmpty()) {
			return List.of();
		}
		Set<UUID> back = Set.copyOf(update.param("ids", SqlArrays.of(own.stream().map(MergeMove::recordId).toList()))
			.param("versions", SqlArrays.of(own.stream().map(MergeMove::versionAfter).toList()))
			.param("loser", loserId)
			.param("survivor", survivorId)
			.param("at", utc(at))
			.param("actor", actorId)
			.query(UUID.class)
			.list());
		publish(recordType, field, List.copyOf(back), survivorId, loserId, actorId, at);
		return own.stream().filter(move -> !back.contains(move.recordId())).toList();
	}

	private void publish(String recordType, String field, List<UUID> ids, UUID from, UUID to, UUID actorId,
			Instant at) {
		ids.forEach(id -> this.events.publishEvent(new RecordChanged(recordType, id, ChangeKind.UPDATED, actorId, at,
				List.of(new FieldChange(field, from.toString(), to.toString())))));
	}

}
