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
 */
public record RecordChanged(String recordType, UUID recordId, ChangeKind kind, UUID actorId, Instant at,
		List<FieldChange> changes) {

	public RecordChanged {
		changes = changes == null ? List.of() : List.copyOf(changes);
	}

}
