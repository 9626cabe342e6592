package dev.bellwether.activities;

/**
 * What sort of work an activity records.
 */
public enum ActivityKind {

	TASK("Task", "bi-check2-square"), CALL("Call", "bi-telephone"), MEETING("Meeting", "bi-people"),
	NOTE("Note", "bi-journal-text");

	private final String label;

	private final String icon;

	ActivityKind(String label, String icon) {
		this.label = label;
		this.icon = icon;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @return the Bootstrap icon class pages show it with
	 */
	public String icon() {
		return this.icon;
	}

}
