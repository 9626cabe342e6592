package dev.bellwether.marketing.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.marketing.Campaign;
import dev.bellwether.marketing.CampaignStatus;

/**
 * A campaign as the API returns it; {@code actualCost} is the sum of its own cost lines
 * (GET .../rollup adds the campaigns under it).
 */
record CampaignResource(UUID id, String name, String type, CampaignStatus status, LocalDate startDate,
		LocalDate endDate, BigDecimal budget, BigDecimal actualCost, String currency, UUID parentId, String parentName,
		UUID ownerId, String ownerName, String description, Instant createdAt, UUID createdBy, Instant updatedAt,
		UUID updatedBy, long version) {

	static CampaignResource of(Campaign c, Map<UUID, String> userNames) {
		return new CampaignResource(c.id(), c.name(), c.type(), c.status(), c.startDate(), c.endDate(), c.budget(),
				c.actualCost(), c.currency(), c.parentId(), c.parentName(), c.ownerId(), userNames.get(c.ownerId()),
				c.description(), c.createdAt(), c.createdBy(), c.updatedAt(), c.updatedBy(), c.version());
	}

}
