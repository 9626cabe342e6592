package dev.bellwether.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The recycle bin, the same for every record type: a deleted record is kept (when and by
 * whom it was deleted), restored by whoever may change it, or deleted for good by an
 * administrator; each step is published as a {@link RecordChanged} without field changes.
 * The module checks its own rights and rules first and writes its own SQL, naming its own
 * tables; {@code :now}, {@code :actor} and {@code :id} are bound for it.
 */
@Component
public class RecycleBin {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RecycleBin(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Marks the record deleted with the module's update, and publishes it.
	 * @return when
	 */
	public Instant moveIn(String recordType, UUID id, UUID actorId, JdbcClient.StatementSpec update) {
		return apply(ChangeKind.DELETED, recordType, id, actorId, update);
	}

	/**
	 * Brings the record back with the module's update, and publishes it.
	 * @return when
	 */
	public Instant restore(String recordType, UUID id, UUID actorId, JdbcClient.StatementSpec update) {
		return apply(ChangeKind.RESTORED, recordType, id, actorId, update);
	}

	/**
	 * Deletes the record for good with the module's statement, and publishes it.
	 * @return when
	 */
	public Instant purge(String recordType, UUID id, UUID actorId, JdbcClient.StatementSpec delete) {
		return apply(ChangeKind.PURGED, recordType, id, actorId, delete);
	}

	/**
	 * Runs the module's statement over the records that go with one (an account's
	 * contacts), which returns their ids, and publishes the change of each.
	 * @return their ids
	 */
	public List<UUID> withIt(ChangeKind kind, String recordType, UUID id, UUID actorId, Instant now,
			JdbcClient.StatementSpec returningIds) {
		List<UUID> ids = bind(returningIds, id, actorId, now).query(UUID.class).list();
		publish(kind, recordType, ids, actorId, now);
		return ids;
	}

	/** Publishes the change of each of the records. */
	public void publish(ChangeKind kind, String recordType, Collection<UUID> ids, UUID actorId, Instant now) {
		ids.forEach(id -> this.events.publishEvent(new RecordChanged(recordType, id, kind, actorId, now, List.of())));
	}

	/**
	 * @throws ForbiddenException unless the user is an administrator: only they delete
	 * for good
	 */
	public static void requirePurgeRight(boolean administrator) {
		if (!administrator) {
			throw new ForbiddenException("Only administrators can empty the recycle bin.");
		}
	}

	/** The record asked for is not in the recycle bin (or not the user's to see). */
	public static RecordNotFoundException notInBin(String recordType, UUID id) {
		return new RecordNotFoundException("deleted " + recordType, id);
	}

	private Instant apply(ChangeKind kind, String recordType, UUID id, UUID actorId,
			JdbcClient.StatementSpec statement) {
		Instant now = this.clock.instant();
		bind(statement, id, actorId, now).update();
		publish(kind, recordType, List.of(id), actorId, now);
		return now;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, UUID id, UUID actorId,
			Instant now) {
		return statement.param("now", utc(now)).param("actor", actorId).param("id", id);
	}

}
