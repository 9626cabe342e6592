package dev.bellwether.marketing;

/**
 * What an assignment rule does with a lead it matches.
 */
public enum LeadAssignmentAction {

	/** Gives the lead to one user. */
	USER("Assign to a user"),
	/** Gives the lead to the next active member of a team, in turn. */
	ROUND_ROBIN("Round-robin within a team");

	private final String label;

	LeadAssignmentAction(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
