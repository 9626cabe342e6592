package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a person enters for an expense on a case: the day (not in the future), the amount
 * in the company currency (more than zero), what it was and its category.
 */
public record ExpenseDetails(@NotNull(message = "Enter the day of the expense.") LocalDate date,
		@NotNull(message = "Enter the amount.") @DecimalMin(value = "0.01",
				message = "An expense is more than zero.") @Digits(integer = 10, fraction = 2,
						message = "The amount can have at most 10 digits and 2 decimals.") BigDecimal amount,
		@NotBlank(message = "Say what the expense was.") @Size(max = 500,
				message = "Keep the description to 500 characters.") String description,
		@NotNull(message = "Choose a category.") ExpenseCategory category) {

}
