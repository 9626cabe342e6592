package dev.bellwether.adoption;

/**
 * How a user's use of the CRM stands as of a day, from their active days
 * (docs/adoption-metrics.md, "Health").
 */
public enum Health {

	/** At least 10 active days in the last 28. */
	HEALTHY("Healthy"),
	/** 1 to 9 active days in the last 28. */
	AT_RISK("At risk"),
	/** No active day in the last 28, but at least one in the last 90. */
	LAPSING("Lapsing"),
	/** No active day in the last 90, but active before that. */
	DORMANT("Dormant"),
	/** Never active. */
	NEVER("Never active");

	private final String label;

	Health(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static Health of(int activeDays28, int activeDays90, boolean activeBefore) {
		if (activeDays28 >= 10) {
			return HEALTHY;
		}
		if (activeDays28 >= 1) {
			return AT_RISK;
		}
		if (activeDays90 >= 1) {
			return LAPSING;
		}
		return activeBefore ? DORMANT : NEVER;
	}

}
