package dev.bellwether.forecasting;

import java.util.UUID;

/**
 * One row of the forecast grid.
 *
 * @param key the row's id in the grid: {@code team-<user>}, {@code own-<user>} or
 * {@code person-<user>}
 * @param parentKey the team row it sits under, {@code null} for the top row
 * @param kind a team (the person and everyone below them), a manager's own deals, or a
 * person without reports
 * @param depth 0 for the top row
 * @param amounts the gross figures: the deals as they are
 * @param adjusted the figures with the adjustments in effect rolled up: Commit, Best case
 * and Pipeline as adjusted for this row, or else the sum of the adjusted rows below it
 * (Closed and Omitted are never adjusted)
 * @param adjustments the adjustments in effect made to this row, by category (one taken
 * back has a null amount)
 */
public record ForecastRow(String key, String parentKey, Kind kind, UUID userId, String name, boolean active, int depth,
		ForecastAmounts amounts, ForecastMeasures measures, ForecastAmounts adjusted,
		java.util.Map<dev.bellwether.sales.ForecastCategory, Adjustment> adjustments) {

	/**
	 * What a row adds up.
	 */
	public enum Kind {

		TEAM, OWN, PERSON

	}

	/**
	 * @return whether the row adds up a manager's whole organisation (its deals are
	 * listed by team), rather than one person's deals
	 */
	public boolean isTeam() {
		return this.kind == Kind.TEAM;
	}

	/**
	 * @return whether an adjustment in effect changes a figure of this row or below it
	 */
	public boolean isAdjusted() {
		return !this.adjusted.equals(this.amounts);
	}

	/**
	 * @return the sequence of the adjustment in effect for the category, 0 for none (sent
	 * back with the next adjustment)
	 */
	public long adjustmentSequence(dev.bellwether.sales.ForecastCategory category) {
		Adjustment adjustment = this.adjustments.get(category);
		return adjustment == null ? 0 : adjustment.sequence();
	}

}
