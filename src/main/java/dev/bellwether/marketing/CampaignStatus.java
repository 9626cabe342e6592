package dev.bellwether.marketing;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a campaign is in its life: planned, running, and then either completed or
 * aborted. A campaign only moves forward; a completed or aborted campaign is closed and
 * takes no new cost lines.
 */
public enum CampaignStatus {

	PLANNED("Planned"), ACTIVE("Active"), COMPLETED("Completed"), ABORTED("Aborted");

	private final String label;

	CampaignStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean isClosed() {
		return this == COMPLETED || this == ABORTED;
	}

	/**
	 * @return the statuses a campaign at this one may be given (itself included)
	 */
	public Set<CampaignStatus> next() {
		return switch (this) {
			case PLANNED -> EnumSet.of(PLANNED, ACTIVE, ABORTED);
			case ACTIVE -> EnumSet.of(ACTIVE, COMPLETED, ABORTED);
			case COMPLETED -> EnumSet.of(COMPLETED);
			case ABORTED -> EnumSet.of(ABORTED);
		};
	}

	public boolean mayBecome(CampaignStatus status) {
		return next().contains(status);
	}

}
