package dev.bellwether.activities;

/**
 * How urgent a task is; among tasks due the same day, higher priority comes first.
 */
public enum TaskPriority {

	HIGH("High"), NORMAL("Normal"), LOW("Low");

	private final String label;

	TaskPriority(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
