package dev.bellwether.customers;

import java.time.Instant;
import java.util.UUID;

/**
 * One contact was merged into another; see {@link AccountsMerged}, which this mirrors.
 *
 * @param mergeId the merge
 * @param loserId the contact merged away
 * @param survivorId the contact that stays
 * @param actorId who merged
 * @param at when
 */
public record ContactsMerged(UUID mergeId, UUID loserId, UUID survivorId, UUID actorId, Instant at) {

}
