package dev.bellwether.dataquality;

/**
 * What is wrong with a record, as the steward queue lists it. Each kind's definition is
 * shown on the data-quality pages and in docs/data-quality.md.
 */
public enum QualityIssueKind {

	INCOMPLETE("Incomplete",
			"Its completeness score (filled counted fields ÷ counted fields, by the completeness rules) is below the threshold."),

	STALE("Stale deal",
			"An open deal not touched (updated, or an activity logged on it) for longer than its stage's stale days (the company default where the stage sets none)."),

	OVERDUE("Overdue deal", "An open deal whose close date is before today."),

	ORPHANED("Orphaned deal", "An open deal whose owner is deactivated: nobody keeps it up to date."),

	NO_ACCOUNT("Contact without account", "A contact that belongs to no account."),

	NO_NEXT_STEP("Deal without next step", "An open deal whose next step is empty."),

	NO_CONTACT("Deal without contact", "An open deal with no primary contact."),

	DUPLICATE("Possible duplicate",
			"Two accounts or two contacts the duplicate detection found alike and nobody has merged or dismissed yet.");

	private final String label;

	private final String definition;

	QualityIssueKind(String label, String definition) {
		this.label = label;
		this.definition = definition;
	}

	public String label() {
		return this.label;
	}

	public String definition() {
		return this.definition;
	}

	/**
	 * @return whether this kind is a broken record (not a completeness score nor a
	 * duplicate)
	 */
	public boolean broken() {
		return this != INCOMPLETE && this != DUPLICATE;
	}

}
