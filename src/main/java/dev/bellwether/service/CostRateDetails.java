package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.bellwether.identity.Role;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/**
 * What an administrator enters for a cost rate: the role, the cost of an hour of its time
 * in the company currency, and the first day it applies.
 */
public record CostRateDetails(@NotNull(message = "Choose the role.") Role role,
		@NotNull(message = "Enter the hourly rate.") @DecimalMin(value = "0",
				message = "A rate can't be negative.") @Digits(integer = 10, fraction = 2,
						message = "The rate can have at most 10 digits and 2 decimals.") BigDecimal hourlyRate,
		@NotNull(message = "Enter the first day the rate applies.") LocalDate effectiveFrom) {

}
