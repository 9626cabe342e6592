package dev.bellwether.sales.web;

import java.math.BigDecimal;
import java.util.UUID;

import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.OpportunityDetails;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A deal as an API client sends it. {@code closeDate} is text (YYYY-MM-DD) so that a date
 * that does not parse is reported as a field error like any other; leave
 * {@code probability} and {@code forecastCategory} out for the stage's defaults.
 * {@code version} is required on update.
 */
record OpportunityRequest(
		@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200, example = "Globex – 500 seats") String name,
		@Schema(requiredMode = REQUIRED, description = "The account the deal is with") UUID accountId,
		@Schema(description = "A contact of the account") UUID primaryContactId,
		@Schema(description = "Defaults to the caller on create; left out on update, the owner stays") UUID ownerId,
		@Schema(requiredMode = REQUIRED, description = "A pipeline stage (GET /api/v1/stages)") UUID stageId,
		@Schema(description = "In the company currency; at most 17 digits and 2 decimals. Ignored when "
				+ "amountFromLineItems", minimum = "0", maximum = "99999999999999999.99",
				example = "48000.00") BigDecimal amount,
		@Schema(description = "Whether the amount is the sum of the line items", defaultValue = "false",
				example = "false") Boolean amountFromLineItems,
		@Schema(requiredMode = REQUIRED, description = "The expected close date", format = "date",
				example = "2026-12-18") String closeDate,
		@Schema(description = "Percent; left out for the stage's default", minimum = "0", maximum = "100",
				example = "20") Integer probability,
		@Schema(description = "Left out for the stage's default; a won stage allows only CLOSED, a lost one only "
				+ "OMITTED",
				allowableValues = {
						"PIPELINE", "BEST_CASE", "COMMIT", "CLOSED", "OMITTED" },
				example = "PIPELINE") String forecastCategory,
		@Schema(maxLength = 255, example = "Send the proposal") String nextStep,
		@Schema(maxLength = 40, example = "Trade Show") String leadSource,
		@Schema(description = "Required when the stage is a lost one, dropped otherwise",
				maxLength = 500) String lossReason,
		@Schema(maxLength = 10000, example = "Replacing their spreadsheets.") String description,
		@Schema(description = "The loss reason in the customer's words: required when lossReason is \"Other\", "
				+ "kept only on lost deals", maxLength = 500, example = "Built it in-house") String lossReasonDetail,
		@Schema(description = "Who the deal is up against (plain text)", maxLength = 200,
				example = "Acme CRM") String competitor,
		@Schema(description = "Required on update: the version of the record you read; a stale one is refused with "
				+ "409 Conflict. Ignored on create.", example = "0") Long version,
		@Schema(description = "Custom field values by key; a key left out keeps its value, null clears it") java.util.Map<String, Object> customFields){

	OpportunityDetails toDetails(UUID defaultOwner, Inputs inputs) {
		return new OpportunityDetails(this.name, this.accountId, this.primaryContactId,
				this.ownerId == null ? defaultOwner : this.ownerId, this.stageId, this.amount,
				Boolean.TRUE.equals(this.amountFromLineItems), inputs.date("closeDate", this.closeDate),
				this.probability, inputs.choice("forecastCategory", this.forecastCategory, ForecastCategory.class),
				this.nextStep, this.leadSource, this.lossReason, this.description, this.lossReasonDetail,
				this.competitor);
	}

}
