package dev.bellwether.customers;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Two accounts or two contacts that look like the same company or person.
 *
 * @param recordType {@code account} or {@code contact}
 * @param aId the lower id of the two (as PostgreSQL orders uuids)
 * @param bId the higher id
 * @param aOwnerId the first record's owner
 * @param bOwnerId the second record's owner
 * @param reason what they share, the strongest first, joined by {@code +} (e.g.
 * {@code EMAIL+PHONE})
 * @param score how sure: 0 to 1
 */
public record DuplicateCandidate(String recordType, UUID aId, UUID bId, UUID aOwnerId, UUID bOwnerId, String reason,
		BigDecimal score) {

}
