package dev.bellwether.forecasting;

import java.util.List;
import java.util.UUID;

import dev.bellwether.platform.FiscalPeriod;

/**
 * The forecast of a manager's organisation (or of one person) for a fiscal period, over
 * today's manager hierarchy: its rows depth first, each team before its members.
 */
public record Forecast(FiscalPeriod period, UUID managerId, String managerName, List<ForecastRow> rows) {

	/**
	 * @return the top row: the whole organisation's figures
	 */
	public ForecastRow total() {
		return this.rows.get(0);
	}

}
