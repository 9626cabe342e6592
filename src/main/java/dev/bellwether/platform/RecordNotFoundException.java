package dev.bellwether.platform;

import java.util.UUID;

/**
 * The record does not exist, is in the recycle bin, or the user may not see it (the two
 * are not told apart, so that ids of hidden records cannot be probed).
 */
public class RecordNotFoundException extends RuntimeException {

	private final String recordType;

	public RecordNotFoundException(String recordType, Object id) {
		super("No " + recordType + " with id " + id);
		this.recordType = recordType;
	}

	public static RecordNotFoundException of(String recordType, UUID id) {
		return new RecordNotFoundException(recordType, id);
	}

	public String recordType() {
		return this.recordType;
	}

}
