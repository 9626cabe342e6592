package dev.bellwether.platform.edit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Work logged against a record by a bulk action (a note, a task), implemented by the
 * module that owns activities.
 */
public interface WorkLog {

	/**
	 * Logs the work against the record, as the acting user, with the activity module's
	 * rules and rights.
	 * @return the new activity's id
	 */
	UUID log(UUID actorId, String recordType, UUID recordId, Entry entry);

	/**
	 * A note, or a task with an optional due date, for the acting user.
	 */
	record Entry(boolean task, String subject, LocalDate dueDate) {
	}

}
