package dev.bellwether.audit.web;

import java.time.Instant;
import java.util.UUID;

import dev.bellwether.audit.FieldHistoryEntry;
import dev.bellwether.platform.ChangeKind;

/**
 * One row of a record's field history as the API returns it: {@code field} is null when
 * the change concerns the whole record (created without fields, moved to or restored from
 * the recycle bin); {@code oldText}/{@code newText} show referenced users, accounts and
 * contacts by name, {@code oldValue}/{@code newValue} as recorded (ids).
 */
record FieldHistoryResource(UUID id, ChangeKind kind, String field, String label, String oldValue, String newValue,
		String oldText, String newText, UUID changedBy, String changedByName, Instant changedAt) {

	static FieldHistoryResource of(FieldHistoryEntry e) {
		return new FieldHistoryResource(e.id(), e.kind(), e.field(), e.label(), e.oldValue(), e.newValue(), e.oldText(),
				e.newText(), e.changedBy(), e.changedByName(), e.changedAt());
	}

}
