package dev.bellwether.service;

/**
 * How a case and a deal came to be linked (table {@code case_opportunities}).
 */
public enum CaseDealKind {

	/**
	 * An agent made the deal from the case ({@link CaseOpportunities#createFromCase}).
	 */
	CROSS_SELL("Cross-sell"),

	/** Winning the deal opened the case ({@link Onboarding}). */
	ONBOARDING("Onboarding");

	private final String label;

	CaseDealKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
