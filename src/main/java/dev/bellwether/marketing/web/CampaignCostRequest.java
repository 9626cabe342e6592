package dev.bellwether.marketing.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.bellwether.marketing.CampaignCostDetails;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An actual cost line as an API client sends it.
 */
record CampaignCostRequest(@Schema(requiredMode = REQUIRED, example = "2026-09-15") LocalDate date,
		@Schema(maxLength = 200, example = "Hall & Co.") String supplier,
		@Schema(requiredMode = REQUIRED, description = "In the company currency; not negative", minimum = "0",
				example = "1250.00") BigDecimal amount,
		@Schema(maxLength = 1000, example = "Booth rent") String note) {

	CampaignCostDetails toDetails() {
		return new CampaignCostDetails(this.date, this.supplier, this.amount, this.note);
	}

}
