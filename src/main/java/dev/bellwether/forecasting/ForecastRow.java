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
 */
public record ForecastRow(String key, String parentKey, Kind kind, UUID userId, String name, boolean active, int depth,
		ForecastAmounts amounts, ForecastMeasures measures) {

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

}
