package dev.bellwether.marketing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.marketing.CampaignDetails;
import dev.bellwether.marketing.CampaignStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A campaign as an API client sends it. {@code version} is required on update: it must be
 * the version the client read, or the update is refused with 409.
 */
record CampaignRequest(
		@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200,
				example = "Spring product webinar") String name,
		@Schema(description = "A campaign type (label or key of the campaign-type pick list)",
				example = "webinar") String type,
		@Schema(description = "Defaults to PLANNED on create. A campaign goes PLANNED -> ACTIVE -> COMPLETED, or to "
				+ "ABORTED from PLANNED or ACTIVE") CampaignStatus status,
		@Schema(example = "2026-09-01") LocalDate startDate,
		@Schema(description = "Not before startDate", example = "2026-09-30") LocalDate endDate,
		@Schema(description = "In the company currency; at most 17 digits and 2 decimals", minimum = "0",
				example = "12000.00") BigDecimal budget,
		@Schema(description = "The campaign this one is part of; not itself nor one under it") UUID parentId,
		@Schema(description = "A marketing user, sales administrator or administrator; defaults to the caller on "
				+ "create, left out on update the owner stays") UUID ownerId,
		@Schema(maxLength = 10000, example = "Launch of the autumn release.") String description,
		@Schema(description = "Required on update: the version of the record you read; a stale one is refused with "
				+ "409 Conflict. Ignored on create.", example = "0") Long version) {

	CampaignDetails toDetails(CampaignStatus defaultStatus) {
		return new CampaignDetails(this.name, this.type, this.status == null ? defaultStatus : this.status,
				this.startDate, this.endDate, this.budget, this.parentId, this.ownerId, this.description);
	}

}
