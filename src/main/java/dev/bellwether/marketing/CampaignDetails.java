package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a person enters about a campaign; the same rules for forms and the API.
 *
 * @param type a value of the {@code campaign-type} pick list (label or key), or blank
 * @param budget in the company currency
 * @param parentId the campaign this one is part of
 */
public record CampaignDetails(
		@NotBlank(message = "Enter the campaign's name.") @Size(max = 200,
				message = "Keep the name to 200 characters.") String name,
		String type, @NotNull(message = "Choose the campaign's status.") CampaignStatus status, LocalDate startDate,
		LocalDate endDate,
		@DecimalMin(value = "0", message = "The budget can't be negative.") @Digits(integer = 17, fraction = 2,
				message = "The budget can have at most 17 digits and 2 decimals.") BigDecimal budget,
		UUID parentId, UUID ownerId,
		@Size(max = 10_000, message = "Keep the description to 10,000 characters.") String description) {

	/** The details with the type as stored. */
	CampaignDetails withType(String storedType) {
		return new CampaignDetails(this.name, storedType, this.status, this.startDate, this.endDate, this.budget,
				this.parentId, this.ownerId, this.description);
	}

}
