package dev.bellwether.service;

/**
 * How urgent a case is; queues are worked most urgent first.
 */
public enum CasePriority {

	LOW("Low"), NORMAL("Normal"), HIGH("High"), URGENT("Urgent");

	private final String label;

	CasePriority(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** 1 (low) to 4 (urgent), as the {@code cases.priority_rank} column stores it. */
	public int rank() {
		return ordinal() + 1;
	}

}
