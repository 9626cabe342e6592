package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.identity.Role;

/**
 * An hourly cost rate for a role, in force from {@code effectiveFrom} until the next rate
 * of the same role ({@link ServiceCostRates}).
 */
public record CostRate(UUID id, Role role, BigDecimal hourlyRate, String currency, LocalDate effectiveFrom,
		Instant createdAt, long version) {

}
