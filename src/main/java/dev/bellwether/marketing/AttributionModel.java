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

	/**
	 * The model a parameter names, by constant or label-like spelling ({@code LINEAR},
	 * {@code linear}, {@code w-shaped}); the default when blank.
	 * @throws dev.bellwether.platform.InvalidInputException naming the field for any
	 * other text
	 */
	public static AttributionModel parse(String text, AttributionModel fallback, String field) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		String key = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (AttributionModel model : values()) {
			if (model.name().equals(key)) {
				return model;
			}
		}
		throw new dev.bellwether.platform.InvalidInputException(field,
				"Choose a model: first-touch, last-touch, linear, u-shaped or w-shaped.");
	}

}
