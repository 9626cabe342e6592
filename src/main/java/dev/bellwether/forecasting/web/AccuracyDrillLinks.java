package dev.bellwether.forecasting.web;

import java.util.UUID;

import dev.bellwether.forecasting.ForecastAccuracy;
import dev.bellwether.platform.FiscalPeriod;

/**
 * The forecast accuracy page's links to the deals behind its figures, for the template.
 *
 * @param manager whose organisation the page shows
 */
public record AccuracyDrillLinks(UUID manager) {

	/**
	 * @param what {@code forecast} (the start forecast), {@code won} or {@code commit}
	 */
	public String to(FiscalPeriod period, ForecastAccuracy.Row row, String what) {
		return ForecastAccuracyController.drillLink(period, this.manager, row, what, null);
	}

}
