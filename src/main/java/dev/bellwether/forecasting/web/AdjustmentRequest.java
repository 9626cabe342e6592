package dev.bellwether.forecasting.web;

import java.math.BigDecimal;
import java.util.UUID;

import dev.bellwether.sales.ForecastCategory;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An adjustment as sent to the API.
 */
record AdjustmentRequest(@Schema(description = "Whose forecast: yourself (a manager) or a direct report") UUID userId,
		@Schema(description = "COMMIT, BEST_CASE or PIPELINE") ForecastCategory category,
		@Schema(description = "The adjusted figure, at least 0; null takes the adjustment in effect back",
				example = "125000.00") BigDecimal amount,
		@Schema(description = "Why: required, up to 500 characters") String note,
		@Schema(description = "The sequence of the adjustment in effect you read (0 for none); 409 when another came since") Long sequence) {
}
