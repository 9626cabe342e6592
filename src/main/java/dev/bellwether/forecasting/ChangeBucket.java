package dev.bellwether.forecasting;

/**
 * Where a deal's change between two moments counts in a period's pipeline (the open deals
 * closing in the period). The amount buckets reconcile the two totals: the pipeline at
 * the start, plus new, pulled in and amount up, minus amount down, pushed out, won, lost
 * and removed, is the pipeline at the end. The stage buckets count deals open at both
 * moments that moved stage, beside the others (a deal may be in one of each). See
 * docs/pipeline-snapshots.md.
 */
public enum ChangeBucket {

	NEW("New", 1, "Open at the end, closing in the period, and not open at the start (created or reopened since)."),
	PULLED_IN("Pulled in", 1, "Open at both moments, closing outside the period at the start and in it at the end."),
	AMOUNT_UP("Amount up", 1, "In the period's pipeline at both moments (or until it closed), with a larger amount."),
	AMOUNT_DOWN("Amount down", -1,
			"In the period's pipeline at both moments (or until it closed), with a smaller amount."),
	PUSHED_OUT("Pushed out", -1, "Open at both moments, closing in the period at the start and outside it at the end."),
	WON("Won", -1, "Closed won between the two moments, from the period's pipeline (its amount when won)."),
	LOST("Lost", -1, "Closed lost between the two moments, from the period's pipeline (its amount when lost)."),
	REMOVED("Removed", -1,
			"In the period's pipeline at the start, neither open nor closed at the end: deleted, or now owned by someone outside the view."),
	STAGE_FORWARD("Stage forward", 0, "Open at both moments and in the period at either, in a later stage at the end."),
	STAGE_BACK("Stage back", 0, "Open at both moments and in the period at either, in an earlier stage at the end.");

	private final String label;

	private final int sign;

	private final String definition;

	ChangeBucket(String label, int sign, String definition) {
		this.label = label;
		this.sign = sign;
		this.definition = definition;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @return +1 when the bucket adds to the period's pipeline, -1 when it takes from it,
	 * 0 for a stage bucket (outside the reconciliation)
	 */
	public int sign() {
		return this.sign;
	}

	public String definition() {
		return this.definition;
	}

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
