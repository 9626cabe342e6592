package dev.bellwether.dataquality;

/**
 * What is wrong with a record, as the steward queue lists it. Each kind's definition is
 * shown on the data-quality pages and in docs/data-quality.md.
 */
public enum QualityIssueKind {

	INCOMPLETE(7, "Incomplete",
			"Its completeness score (filled counted fields ÷ counted fields, by the completeness rules) is below the threshold."),

	STALE(2, "Stale deal",
			"An open deal not touched (updated, or an activity logged on it) for longer than its stage's stale days (the company default where the stage sets none)."),

	OVERDUE(1, "Overdue deal", "An open deal whose close date is before today."),

	ORPHANED(0, "Orphaned deal", "An open deal whose owner is deactivated: nobody keeps it up to date."),

	NO_ACCOUNT(5, "Contact without account", "A contact that belongs to no account."),

	NO_NEXT_STEP(4, "Deal without next step", "An open deal whose next step is empty."),

	NO_CONTACT(3, "Deal without contact", "An open deal with no primary contact."),

	DUPLICATE(6, "Possible duplicate",
			"Two accounts or two contacts the duplicate detection found alike and nobody has merged or dismissed yet.");

	private final int rank;

	private final String label;

	private final String definition;

	QualityIssueKind(int rank, String label, String definition) {
		this.rank = rank;
		this.label = label;
		this.definition = definition;
	}

	/**
	 * @return where open issues of this kind come in the queue: 0 first (orphaned,
	 * overdue and stale deals before missing contacts and next steps, duplicates,
	 * incomplete records)
	 */
	public int rank() {
		return this.rank;
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

	/**
	 * @return how many of the counted issues are broken records
	 */
	public static long brokenRecords(java.util.Map<QualityIssueKind, Long> counts) {
		return counts.entrySet()
			.stream()
			.filter(e -> e.getKey().broken())
			.mapToLong(java.util.Map.Entry::getValue)
			.sum();
	}

}
