package dev.bellwether.marketing;

import java.util.Set;

/**
 * Where a lead is in its life: marketing brings it in ({@link #NEW}), sales works it
 * ({@link #WORKING}), and it ends {@link #QUALIFIED} (worth a deal) or
 * {@link #DISQUALIFIED} (with a reason). A lead closed by mistake is reopened to
 * {@link #WORKING}.
 */
public enum LeadStatus {

	NEW("New"), WORKING("Working"), QUALIFIED("Qualified"), DISQUALIFIED("Disqualified");

	private final String label;

	LeadStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @return the statuses a lead in this status may move to
	 */
	public Set<LeadStatus> next() {
		return switch (this) {
			case NEW -> Set.of(WORKING, QUALIFIED, DISQUALIFIED);
			case WORKING -> Set.of(QUALIFIED, DISQUALIFIED);
			case QUALIFIED, DISQUALIFIED -> Set.of(WORKING);
		};
	}

	public boolean mayMoveTo(LeadStatus other) {
		return this == other || next().contains(other);
	}

	public boolean isClosed() {
		return this == QUALIFIED || this == DISQUALIFIED;
	}

}
