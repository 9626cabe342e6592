package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A marketing campaign, with its own actual cost (the sum of its cost lines;
 * sub-campaigns' costs not included).
 *
 * @param type the key of its {@code campaign-type} pick list value
 */
public record Campaign(UUID id, String name, String type, CampaignStatus status, LocalDate startDate, LocalDate endDate,
		BigDecimal budget, String currency, UUID parentId, String parentName, UUID ownerId, String description,
		BigDecimal actualCost, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy, long version) {

	public CampaignDetails details() {
		return new CampaignDetails(this.name, this.type, this.status, this.startDate, this.endDate, this.budget,
				this.parentId, this.ownerId, this.description);
	}

	public boolean isClosed() {
		return this.status.isClosed();
	}

}
