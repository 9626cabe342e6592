package dev.bellwether.sales.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.StageOutcome;

/**
 * A deal as the API returns it, with the names of its account, owner and stage.
 */
record OpportunityResource(UUID id, String name, UUID accountId, String accountName, UUID primaryContactId,
		UUID ownerId, String ownerName, UUID stageId, String stageName, StageOutcome outcome, BigDecimal amount,
		String currency, boolean amountFromLineItems, BigDecimal expectedAmount, LocalDate closeDate, int probability,
		ForecastCategory forecastCategory, String nextStep, String leadSource, String lossReason,
		String lossReasonDetail, String competitor, String description, Instant closedAt, UUID firstStageId,
		ForecastCategory firstForecastCategory, Instant lastTouchedAt, UUID lastTouchedBy, boolean stale,
		boolean overdue, Instant deletedAt, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy,
		long version, Map<String, Object> customFields) {

	static OpportunityResource of(Opportunity o, Map<UUID, String> accountNames, Map<UUID, String> userNames) {
		return new OpportunityResource(o.id(), o.name(), o.accountId(), accountNames.get(o.accountId()),
				o.primaryContactId(), o.ownerId(), userNames.get(o.ownerId()), o.stageId(), o.stageName(), o.outcome(),
				o.amount(), o.currency(), o.amountFromLineItems(), o.expectedAmount(), o.closeDate(), o.probability(),
				o.forecastCategory(), o.nextStep(), o.leadSource(), o.lossReason(), o.lossReasonDetail(),
				o.competitor(), o.description(), o.closedAt(), o.firstStageId(), o.firstForecastCategory(),
				o.lastTouchedAt(), o.lastTouchedBy(), o.stale(), o.overdue(), o.deletedAt(), o.createdAt(),
				o.createdBy(), o.updatedAt(), o.updatedBy(), o.version(), o.customFields().asMap());
	}

}
