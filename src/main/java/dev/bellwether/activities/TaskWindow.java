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
	ALL

}
