package dev.bellwether.sales;

import dev.bellwether.platform.edit.EditedRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.platform.customfield.CustomValues;

/**
 * A deal: what may be sold to an account, by whom, when, for how much, and how likely.
 *
 * @param stale open and not touched (updated, or an activity logged on it) for longer
 * than its stage allows
 * @param overdue open with its close date in the past
 */
public record Opportunity(UUID id, String name, UUID accountId, UUID primaryContactId, UUID ownerId, UUID stageId,
		String stageName, StageOutcome outcome, BigDecimal amount, String currency, boolean amountFromLineItems,
		LocalDate closeDate, int probability, ForecastCategory forecastCategory, String nextStep, String leadSource,
		String lossReason, String lossReasonDetail, String competitor, String description, Instant closedAt,
		UUID firstStageId, ForecastCategory firstForecastCategory, Instant lastTouchedAt, UUID lastTouchedBy,
		boolean stale, boolean overdue, Instant deletedAt, UUID deletedBy, UUID deletedWith, Instant createdAt,
		UUID createdBy, Instant updatedAt, UUID updatedBy, long version,
		CustomValues customFields) implements EditedRecord<OpportunityDetails> {

	public boolean isOpen() {
		return this.outcome == StageOutcome.OPEN;
	}

	public boolean isWon() {
		return this.outcome == StageOutcome.WON;
	}

	public boolean isLost() {
		return this.outcome == StageOutcome.LOST;
	}

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	/**
	 * @return the amount weighted by the probability
	 */
	public BigDecimal expectedAmount() {
		return this.amount == null ? null : this.amount.multiply(BigDecimal.valueOf(this.probability))
			.divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
	}

	/**
	 * The values a user can edit, as they are now.
	 */
	public OpportunityDetails details() {
		return new OpportunityDetails(this.name, this.accountId, this.primaryContactId, this.ownerId, this.stageId,
				this.amount, this.amountFromLineItems, this.closeDate, this.probability, this.forecastCategory,
				this.nextStep, this.leadSource, this.lossReason, this.description, this.lossReasonDetail,
				this.competitor);
	}

}
