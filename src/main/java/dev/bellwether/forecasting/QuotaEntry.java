package dev.bellwether.forecasting;

import java.util.UUID;

/**
 * One cell of the quota grid as entered: a personal quota for a person and period.
 *
 * @param amount as typed or pasted ("12,500", "12500.50", "$12,500"); blank to clear
 * @param version the version the cell was read at (0 when none was set)
 */
public record QuotaEntry(UUID userId, String period, String amount, long version) {
}
