package dev.bellwether.sales.web;

import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.StageDetails;
import dev.bellwether.sales.StageOutcome;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A pipeline stage as an API client sends it; {@code version} is required on update.
 */
record StageRequest(
		@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 80, example = "Negotiation") String name,
		@Schema(requiredMode = REQUIRED, description = "The default probability of a deal in the stage, in percent",
				minimum = "0", maximum = "100", example = "60") Integer probability,
		@Schema(requiredMode = REQUIRED, description = "The default forecast category of a deal in the stage",
				allowableValues = {
						"PIPELINE", "BEST_CASE", "COMMIT", "CLOSED", "OMITTED" },
				example = "BEST_CASE") String forecastCategory,
		@Schema(requiredMode = REQUIRED, allowableValues = { "OPEN", "WON", "LOST" }, example = "OPEN") String outcome,
		@Schema(description = "Days without a touch after which a deal in the stage is stale; left out for the "
				+ "company default", minimum = "1", maximum = "3650", example = "14") Integer staleAfterDays,
		@Schema(description = "Required on update: the version of the record you read; a stale one is refused with "
				+ "409 Conflict. Ignored on create.", example = "0") Long version){

	StageDetails toDetails(Inputs inputs) {
		StageOutcome parsedOutcome = inputs.choice("outcome", this.outcome, StageOutcome.class);
		ForecastCategory category = inputs.choice("forecastCategory", this.forecastCategory, ForecastCategory.class);
		return new StageDetails(this.name, this.probability, category, parsedOutcome, this.staleAfterDays);
	}

}
