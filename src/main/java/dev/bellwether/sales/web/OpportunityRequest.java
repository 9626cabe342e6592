package dev.bellwether.sales.web;

import java.math.BigDecimal;
import java.util.UUID;

import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.OpportunityDetails;

/**
 * A deal as an API client sends it. {@code closeDate} is text (YYYY-MM-DD) so that a date
 * that does not parse is reported as a field error like any other; leave
 * {@code probability} and {@code forecastCategory} out for the stage's defaults.
 * {@code version} is required on update.
 */
record OpportunityRequest(String name, UUID accountId, UUID primaryContactId, UUID ownerId, UUID stageId,
		BigDecimal amount, Boolean amountFromLineItems, String closeDate, Integer probability, String forecastCategory,
		String nextStep, String leadSource, String lossReason, String description, Long version) {

	OpportunityDetails toDetails(UUID defaultOwner, Inputs inputs) {
		return new OpportunityDetails(this.name, this.accountId, this.primaryContactId,
				this.ownerId == null ? defaultOwner : this.ownerId, this.stageId, this.amount,
				Boolean.TRUE.equals(this.amountFromLineItems), inputs.date("closeDate", this.closeDate),
				this.probability, inputs.choice("forecastCategory", this.forecastCategory, ForecastCategory.class),
				this.nextStep, this.leadSource, this.lossReason, this.description);
	}

}
