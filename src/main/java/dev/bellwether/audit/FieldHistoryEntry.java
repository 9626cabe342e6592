package dev.bellwether.audit;

import java.time.Instant;
import java.util.UUID;

import dev.bellwether.platform.ChangeKind;

/**
 * One row of a record's field history: a field's old and new value, or — with no field —
 * what happened to the record as a whole.
 *
 * @param id the row's id
 * @param recordType e.g. {@code account}
 * @param recordId the record
 * @param kind what happened
 * @param field the field as the owning module names it (e.g. {@code billingCity}), or
 * {@code null} for a change of the whole record
 * @param label the field for people ("Billing city"), or what happened to the record
 * ("Moved to the recycle bin")
 * @param oldValue the old value as recorded (an id for a reference)
 * @param newValue the new value as recorded
 * @param oldText the old value for people: the name of a referenced user, account or
 * contact where every user may see it, else the recorded value
 * @param newText the new value for people
 * @param changedBy who made the change ({@code null}: the system)
 * @param changedByName their name
 * @param changedAt when
 */
public record FieldHistoryEntry(UUID id, String recordType, UUID recordId, ChangeKind kind, String field, String label,
		String oldValue, String newValue, String oldText, String newText, UUID changedBy, String changedByName,
		Instant changedAt) {

}
