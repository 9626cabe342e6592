package dev.bellwether.marketing.web;

import java.util.List;
import java.util.UUID;

import dev.bellwether.marketing.CampaignMemberStatus;
import dev.bellwether.marketing.CampaignMemberType;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Leads or contacts to add to a campaign, by id or (contacts) by e-mail address.
 */
record CampaignMembersRequest(@Schema(
		description = "LEAD or CONTACT; with emails, whose addresses they are (contacts when left out)") CampaignMemberType memberType,
		@Schema(description = "The leads' or contacts' ids, at most 10,000") List<UUID> memberIds,
		@Schema(description = "Contacts' e-mail addresses (instead of memberIds), at most 10,000; matched "
				+ "case-insensitively, an address several contacts share adds them all") List<String> emails,
		@Schema(description = "The status they start at, reached now; defaults to SENT") CampaignMemberStatus status) {

	/** A member's move to a later status. */
	record StatusChange(@Schema(requiredMode = REQUIRED) CampaignMemberStatus status,
			@Schema(description = "When it was reached; defaults to now, never in the future",
					example = "2026-06-10T09:00:00Z") java.time.Instant at) {

	}

}
