package dev.bellwether.platform;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * One record's save guarded by its {@code version} column, the same for every record
 * type: a change based on a version the record is no longer at is refused with a
 * {@link StaleRecordException}, so a concurrent edit never silently overwrites another.
 * The module writes its own {@code update}, naming its own table; it says
 * {@code where id = :id and version = :version} and sets {@code version = version + 1}.
 *
 * @param recordType the record type, as the refusal names it
 * @param id the record's id
 * @param expectedVersion the version the change is based on (the one the editor read)
 */
public record VersionedUpdate(String recordType, UUID id, long expectedVersion) {

	/**
	 * Refuses the change early, before anything is written, when the record as just read
	 * is at another version.
	 * @throws StaleRecordException when it is
	 * @return this, to run the update
	 */
	public VersionedUpdate requireAt(long currentVersion) {
		if (currentVersion != this.expectedVersion) {
			throw stale();
		}
		return this;
	}

	/**
	 * Runs the module's update with {@code :id} and {@code :version} bound.
	 * @throws StaleRecordException when no row was at the version (saved by someone else
	 * in between, or gone)
	 */
	public void run(JdbcClient.StatementSpec update) {
		if (update.param("id", this.id).param("version", this.expectedVersion).update() == 0) {
			throw stale();
		}
	}

	/**
	 * {@link #run(JdbcClient.StatementSpec)} with {@code :now} (in UTC) and
	 * {@code :actor} bound too, as most updates record who saved and when.
	 */
	public void run(JdbcClient.StatementSpec update, UUID actorId, Instant now) {
		run(update.param("now", utc(now)).param("actor", actorId));
	}

	public StaleRecordException stale() {
		return new StaleRecordException(this.recordType, this.id, this.expectedVersion);
	}

}
