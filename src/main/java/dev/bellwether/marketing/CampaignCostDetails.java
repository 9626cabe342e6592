package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a person enters for a cost line.
 *
 * @param amount in the company currency; never negative (a refund is a smaller cost line,
 * not a negative one)
 */
public record CampaignCostDetails(@NotNull(message = "Enter the day of the cost.") LocalDate date,
		@Size(max = 200, message = "Keep the supplier to 200 characters.") String supplier,
		@NotNull(message = "Enter the amount.") @DecimalMin(value = "0", message = "A cost can't be negative.") @Digits(
				integer = 17, fraction = 2,
				message = "The amount can have at most 17 digits and 2 decimals.") BigDecimal amount,
		@Size(max = 1000, message = "Keep the note to 1,000 characters.") String note) {

}
