package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a user enters about a deal; the same rules apply to forms, the board and the API.
 *
 * @param amount ignored when {@code amountFromLineItems}: then the amount is the sum of
 * the line items
 * @param probability {@code null} for the stage's default
 * @param forecastCategory {@code null} for the stage's default
 * @param lossReason required when the stage is a lost one, dropped otherwise
 * @param lossReasonDetail the reason in the customer's words: required when the loss
 * reason is the pick list's "Other" (key {@code other}), kept only on lost deals
 * @param competitor who the deal was up against, as plain text
 */
public record OpportunityDetails(
		@NotBlank(message = "Enter the deal's name.") @Size(max = 200,
				message = "Keep the name to 200 characters.") String name,
		@NotNull(message = "Choose the account the deal is with.") UUID accountId, UUID primaryContactId,
		@NotNull(message = "Choose an owner.") UUID ownerId, @NotNull(message = "Choose a stage.") UUID stageId,
		@DecimalMin(value = "0", message = "The amount can't be negative.") @Digits(integer = 17, fraction = 2,
				message = "The amount can have at most 17 digits and 2 decimals.") BigDecimal amount,
		boolean amountFromLineItems, @NotNull(message = "Enter the expected close date.") LocalDate closeDate,
		@Min(value = 0, message = "A probability is between 0 and 100%.") @Max(value = 100,
				message = "A probability is between 0 and 100%.") Integer probability,
		ForecastCategory forecastCategory,
		@Size(max = 255, message = "Keep the next step to 255 characters.") String nextStep,
		@Size(max = 40, message = "Keep the lead source to 40 characters.") String leadSource,
		@Size(max = 500, message = "Keep the loss reason to 500 characters.") String lossReason,
		@Size(max = 10_000, message = "Keep the description to 10,000 characters.") String description,
		@Size(max = 500, message = "Keep the loss reason's detail to 500 characters.") String lossReasonDetail,
		@Size(max = 200, message = "Keep the competitor to 200 characters.") String competitor) {

	/**
	 * Without a loss reason's detail or a competitor (forms and callers that do not ask
	 * for them).
	 */
	public OpportunityDetails(String name, UUID accountId, UUID primaryContactId, UUID ownerId, UUID stageId,
			BigDecimal amount, boolean amountFromLineItems, LocalDate closeDate, Integer probability,
			ForecastCategory forecastCategory, String nextStep, String leadSource, String lossReason,
			String description) {
		this(name, accountId, primaryContactId, ownerId, stageId, amount, amountFromLineItems, closeDate, probability,
				forecastCategory, nextStep, leadSource, lossReason, description, null, null);
	}

	static OpportunityDetails empty() {
		return new OpportunityDetails(null, null, null, null, null, null, false, null, null, null, null, null, null,
				null);
	}

	OpportunityDetails withStage(UUID stage, Integer probability, ForecastCategory category, String reason) {
		return withStage(stage, probability, category, reason, this.lossReasonDetail);
	}

	OpportunityDetails withStage(UUID stage, Integer probability, ForecastCategory category, String reason,
			String reasonDetail) {
		return new OpportunityDetails(this.name, this.accountId, this.primaryContactId, this.ownerId, stage,
				this.amount, this.amountFromLineItems, this.closeDate, probability, category, this.nextStep,
				this.leadSource, reason, this.description, reasonDetail, this.competitor);
	}

	OpportunityDetails withCloseDate(LocalDate date) {
		return new OpportunityDetails(this.name, this.accountId, this.primaryContactId, this.ownerId, this.stageId,
				this.amount, this.amountFromLineItems, date, this.probability, this.forecastCategory, this.nextStep,
				this.leadSource, this.lossReason, this.description, this.lossReasonDetail, this.competitor);
	}

}
