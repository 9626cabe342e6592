package dev.bellwether.service;

/**
 * Where an SLA target of a case stands.
 */
public enum SlaState {

	/** Counting, with more than the warning share left. */
	RUNNING("Running", false),

	/** Not counting: the case waits on the customer. */
	PAUSED("Paused", false),

	/** Counting, with the warning share (or less) left. */
	WARNING("Due soon", false),

	/** Past its due time and not yet done. */
	BREACHED("Breached", false),

	/** Done by its due time. */
	MET("Met", true),

	/** Done after its due time. */
	MISSED("Missed", true);

	private final String label;

	private final boolean done;

	SlaState(String label, boolean done) {
		this.label = label;
		this.done = done;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @return whether the target is over (met or missed): its clock no longer runs
	 */
	public boolean done() {
		return this.done;
	}

}
