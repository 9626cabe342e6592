package dev.bellwether.marketing;

/**
 * How far a campaign member has come: sent the campaign, opened it, responded, attended.
 * Statuses only move forward, and the time each was first reached is kept: those times
 * are the member's touches that campaign attribution reads.
 */
public enum CampaignMemberStatus {

	SENT("Sent"), OPENED("Opened"), RESPONDED("Responded"), ATTENDED("Attended");

	private final String label;

	CampaignMemberStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The column holding the time this status was first reached. */
	String column() {
		return name().toLowerCase(java.util.Locale.ROOT) + "_at";
	}

}
