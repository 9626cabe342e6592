package dev.bellwether.forecasting.web;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A quota as sent to the API.
 */
record QuotaRequest(
		@Schema(description = "At least 0, at most 2 decimals; null clears the quota", example = "150000.00",
				minimum = "0") BigDecimal amount,
		@Schema(description = "The version read (0 when no quota was set); left out, whatever is set is overwritten") Long version) {
}
