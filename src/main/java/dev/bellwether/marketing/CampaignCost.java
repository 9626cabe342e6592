package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One actual cost line of a campaign.
 */
public record CampaignCost(UUID id, UUID campaignId, LocalDate date, String supplier, BigDecimal amount, String note,
		Instant createdAt, UUID createdBy) {

}
