package dev.bellwether.sales.web;

import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.StageDetails;
import dev.bellwether.sales.StageOutcome;

/**
 * A pipeline stage as an API client sends it; {@code version} is required on update.
 */
record StageRequest(String name, Integer probability, String forecastCategory, String outcome, Integer staleAfterDays,
		Long version) {

	StageDetails toDetails(Inputs inputs) {
		StageOutcome parsedOutcome = inputs.choice("outcome", this.outcome, StageOutcome.class);
		ForecastCategory category = inputs.choice("forecastCategory", this.forecastCategory, ForecastCategory.class);
		return new StageDetails(this.name, this.probability, category, parsedOutcome, this.staleAfterDays);
	}

}
