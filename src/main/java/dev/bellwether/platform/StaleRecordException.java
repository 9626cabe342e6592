package dev.bellwether.platform;

/**
 * Someone else saved the record after the version this change was based on; saving would
 * silently overwrite their work.
 */
public class StaleRecordException extends RuntimeException {

	public StaleRecordException(String recordType, Object id, long expectedVersion) {
		super("This " + recordType + " was changed by someone else since you loaded it (your version " + expectedVersion
				+ "). Reload it and apply your change again.");
	}

}
