package dev.bellwether.service.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.bellwether.service.ExpenseCategory;
import dev.bellwether.service.ExpenseDetails;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An expense on a case as an API client sends it.
 */
record ExpenseRequest(
		@Schema(requiredMode = REQUIRED, description = "The day of the expense, not in the future",
				example = "2026-06-16") LocalDate date,
		@Schema(requiredMode = REQUIRED, description = "In the company currency; more than zero, 2 decimals at most",
				minimum = "0.01", example = "48.20") BigDecimal amount,
		@Schema(requiredMode = REQUIRED, maxLength = 500,
				example = "Courier for the replacement part") String description,
		@Schema(requiredMode = REQUIRED) ExpenseCategory category) {

	ExpenseDetails toDetails() {
		return new ExpenseDetails(this.date, this.amount, this.description, this.category);
	}

}
