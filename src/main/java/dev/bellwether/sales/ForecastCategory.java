package dev.bellwether.sales;

/**
 * Where a deal counts in the forecast. Open deals are in the pipeline, a best case or a
 * commitment (or omitted from the forecast altogether); closed deals are CLOSED when won
 * and OMITTED when lost.
 */
public enum ForecastCategory {

	PIPELINE("Pipeline"), BEST_CASE("Best case"), COMMIT("Commit"), CLOSED("Closed"), OMITTED("Omitted");

	private final String label;

	ForecastCategory(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @return the category named, or {@code null} for no name
	 * @throws IllegalArgumentException when the name is not a category
	 */
	static ForecastCategory parse(String name) {
		return name == null || name.isBlank() ? null : valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
	}

}
