package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A person's quotas for one period: those set explicitly (with their versions), and those
 * in effect.
 *
 * @param personal the personal quota set for the period, or {@code null}
 * @param team the team quota set for the period, or {@code null}
 * @param personalInEffect the personal quota in effect (set, or the sum of the period's
 * parts), or {@code null}
 * @param teamInEffect the quota of the person and everyone below them in effect, or
 * {@code null}
 * @param canSet whether the caller may set these quotas
 */
public record QuotaView(UUID userId, String fullName, String period, Quota personal, Quota team,
		BigDecimal personalInEffect, BigDecimal teamInEffect, boolean canSet) {
}
