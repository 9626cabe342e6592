package dev.bellwether.service;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case is in its life. A case starts {@link #NEW}, is worked ({@link #OPEN}), may
 * wait for the customer ({@link #WAITING_ON_CUSTOMER}, which pauses SLA clocks), and ends
 * {@link #RESOLVED} and then {@link #CLOSED} — both "done". A done case is reopened to
 * {@link #OPEN}; nothing goes back to {@link #NEW}.
 */
public enum CaseStatus {

	NEW("New"), OPEN("Open"), WAITING_ON_CUSTOMER("Waiting on customer"), RESOLVED("Resolved"), CLOSED("Closed");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @return the statuses a case in this status may move to
	 */
	public Set<CaseStatus> next() {
		return switch (this) {
			case NEW -> EnumSet.of(OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED);
			case OPEN -> EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED, CLOSED);
			case WAITING_ON_CUSTOMER -> EnumSet.of(OPEN, RESOLVED, CLOSED);
			case RESOLVED -> EnumSet.of(OPEN, CLOSED);
			case CLOSED -> EnumSet.of(OPEN);
		};
	}

	public boolean mayMoveTo(CaseStatus other) {
		return this == other || next().contains(other);
	}

	/** RESOLVED or CLOSED. */
	public boolean isDone() {
		return this == RESOLVED || this == CLOSED;
	}

	/** NEW, OPEN or WAITING_ON_CUSTOMER: still to be worked. */
	public boolean isOpen() {
		return !isDone();
	}

}
