package dev.bellwether.platform.edit;

/**
 * What a bulk operation does to each record.
 */
public enum BulkAction {

	/** Sets one editable field (owner, stage, close date …) to the same value. */
	CHANGE,

	/** Logs a note against each record. */
	LOG_ACTIVITY,

	/** Creates a task for each record. */
	CREATE_TASK,

	/** Moves each record to the recycle bin. */
	RECYCLE

}
