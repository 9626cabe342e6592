package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A quota set explicitly for a person and a fiscal period.
 *
 * @param period the period's code: {@code 2026-11}, {@code 2026-Q4} or {@code FY2026}
 * @param version the optimistic-locking version, sent back to change it
 */
public record Quota(UUID userId, String period, QuotaKind kind, BigDecimal amount, long version, Instant updatedAt,
		UUID updatedBy) {
}
