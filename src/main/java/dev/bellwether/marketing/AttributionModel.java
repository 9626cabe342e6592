package dev.bellwether.marketing;

/**
 * How a deal's amount is shared among the campaign touches that influenced it. The
 * touches are a deal's journey in time order: every campaign touch of its people before
 * the deal was created and while it was open.
 */
public enum AttributionModel {

	/** All to the first touch. */
	FIRST_TOUCH("First touch"),
	/** All to the last touch. */
	LAST_TOUCH("Last touch"),
	/** Shared equally. */
	LINEAR("Linear"),
	/**
	 * 40 % to the first touch, 40 % to the lead-creation touch, 20 % shared by the
	 * others.
	 */
	U_SHAPED("U-shaped (40/20/40)"),
	/**
	 * 30 % each to the first, the lead-creation and the opportunity-creation touch, 10 %
	 * shared by the others.
	 */
	W_SHAPED("W-shaped (30/30/30/10)");

	private final String label;

	AttributionModel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
