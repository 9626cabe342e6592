package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One change of a quota: who made it, when, and the amount before and after ({@code null}
 * for none: set for the first time, or cleared).
 */
public record QuotaChange(UUID userId, String period, QuotaKind kind, BigDecimal oldAmount, BigDecimal newAmount,
		UUID changedBy, Instant changedAt) {
}
