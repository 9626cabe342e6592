package dev.bellwether.platform.edit;

import dev.bellwether.platform.StaleRecordException;

/**
 * An inline edit was based on a version someone else has changed since: carries the field
 * as it is now, so the editor can keep theirs or overwrite it.
 */
public class FieldConflictException extends StaleRecordException {

	private final String field;

	private final FieldValue current;

	public FieldConflictException(String recordType, Object id, long expectedVersion, String field,
			FieldValue current) {
		super(recordType, id, expectedVersion);
		this.field = field;
		this.current = current;
	}

	public String field() {
		return this.field;
	}

	public FieldValue current() {
		return this.current;
	}

}
