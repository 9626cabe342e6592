package dev.bellwether.activities;

/**
 * Which of someone's open tasks to list, by due date.
 */
public enum TaskWindow {

	/** Due before today. */
	OVERDUE,
	/** Due today or before (what needs doing today). */
	TODAY,
	/** Due by the end of the next seven days, overdue included. */
	WEEK,
	/** Every open task, with or without a due date. */
	ALL;

	/**
	 * @param due {@code all}, {@code overdue}, {@code today} or {@code week} (any case);
	 * {@code null} or blank for all
	 * @throws dev.bellwether.platform.InvalidInputException naming {@code due} for
	 * anything else
	 */
	public static TaskWindow of(String due) {
		if (due == null || due.isBlank()) {
			return ALL;
		}
		try {
			return valueOf(due.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new dev.bellwether.platform.InvalidInputException("due",
					"'" + due + "' is not a task filter; use all, overdue, today or week.");
		}
	}

}
