package dev.bellwether.sales;

/**
 * What reaching a stage means for a deal: still open, won or lost.
 */
public enum StageOutcome {

	OPEN("Open"), WON("Closed won"), LOST("Closed lost");

	private final String label;

	StageOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean isClosed() {
		return this != OPEN;
	}

	/**
	 * @return the only forecast category a closed stage allows, or {@code null} for an
	 * open stage (which allows several)
	 */
	public ForecastCategory forcedCategory() {
		return switch (this) {
			case OPEN -> null;
			case WON -> ForecastCategory.CLOSED;
			case LOST -> ForecastCategory.OMITTED;
		};
	}

	/**
	 * @return the only probability a closed stage allows, or {@code null} for an open
	 * stage
	 */
	public Integer forcedProbability() {
		return switch (this) {
			case OPEN -> null;
			case WON -> 100;
			case LOST -> 0;
		};
	}

}
