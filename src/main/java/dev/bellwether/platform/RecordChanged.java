package dev.bellwether.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published by every module whenever one of its business records is created, changed,
 * moved to or restored from the recycle bin, or purged. Field history and adoption
 * analytics are built from these events, never by calling into the module that owns the
 * record.
 *
 * @param recordType the kind of record, e.g. {@code account}
 * @param recordId the record's id
 * @param kind what happened
 * @param actorId the user who did it
 * @param at when
 * @param changes each field's old and new value (for a creation: every field set)
 * @param importId the import that made the change, or {@code null} for a person's own:
 * what an import writes is history, not the behaviour of the user who ran it, so the
 * adoption figures leave it out
 */
public record RecordChanged(String recordType, UUID recordId, ChangeKind kind, UUID actorId, Instant at,
		List<FieldChange> changes, UUID importId) {

	public RecordChanged {
		changes = changes == null ? List.of() : List.copyOf(changes);
	}

	/**
	 * A change a person made (not an import).
	 */
	public RecordChanged(String recordType, UUID recordId, ChangeKind kind, UUID actorId, Instant at,
			List<FieldChange> changes) {
		this(recordType, recordId, kind, actorId, at, changes, null);
	}

	/**
	 * @return whether an import made the change
	 */
	public boolean imported() {
		return this.importId != null;
	}

}
