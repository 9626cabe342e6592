package dev.bellwether.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One field of many records went from one value to another at once, because the value
 * itself was renamed: the records followed a pick-list value an administrator renamed.
 * Published by the module that owns the records, right after its one update of them, so
 * that field history gets one row a record (old → new, by who renamed, when) written in
 * the same transaction as that update — one statement for all of them — instead of a
 * {@link RecordChanged} a record. It is not a use of the records: usage capture does not
 * count it.
 *
 * @param recordType e.g. {@code account}
 * @param field the field as the module names it in its {@link RecordChanged}s (e.g.
 * {@code industry})
 * @param oldValue the value before
 * @param newValue the value after
 * @param recordIds the records changed
 * @param actorId who renamed
 * @param at when
 */
public record FieldValueReplaced(String recordType, String field, String oldValue, String newValue,
		List<UUID> recordIds, UUID actorId, Instant at) {

	public FieldValueReplaced {
		recordIds = List.copyOf(recordIds);
	}

}
