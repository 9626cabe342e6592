package dev.bellwether.sales;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator enters about a pipeline stage; the same rules apply to the admin
 * page and the API.
 */
public record StageDetails(
		@NotBlank(message = "Enter the stage's name.") @Size(max = 80,
				message = "Keep the stage name to 80 characters.") String name,
		@NotNull(message = "Enter the stage's default probability.") @Min(value = 0,
				message = "A probability is between 0 and 100%.") @Max(value = 100,
						message = "A probability is between 0 and 100%.") Integer probability,
		@NotNull(message = "Choose the forecast category.") ForecastCategory forecastCategory,
		@NotNull(message = "Choose whether the stage is open, won or lost.") StageOutcome outcome,
		@Min(value = 1, message = "Stale after at least 1 day, or leave it empty for the company default.") @Max(
				value = 3650, message = "Stale after at most 3,650 days.") Integer staleAfterDays) {

}
