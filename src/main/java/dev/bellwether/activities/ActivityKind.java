package dev.bellwether.activities;

/**
 * What sort of work an activity records.
 */
public enum ActivityKind {

	TASK("Task", "bi-check2-square", "task-type"), CALL("Call", "bi-telephone", "call-type"),
	MEETING("Meeting", "bi-people", "meeting-type"), NOTE("Note", "bi-journal-text", null);

	private final String label;

	private final String icon;

	private final String subTypeList;

	ActivityKind(String label, String icon, String subTypeList) {
		this.label = label;
		this.icon = icon;
		this.subTypeList = subTypeList;
	}

	/**
	 * @return the pick list of this kind's sub-types (administrators edit it), or
	 * {@code null} for a kind without (notes)
	 */
	public String subTypeList() {
		return this.subTypeList;
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
