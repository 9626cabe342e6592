package dev.bellwether.customers;

import java.time.Instant;
import java.util.UUID;

/**
 * One account was merged into another: the loser is in the recycle bin, pointing at the
 * survivor. Published inside the merge's transaction, before the loser goes to the bin,
 * so that a module holding records of the loser moves them to the survivor in the same
 * transaction (a plain {@code @EventListener}) and reports what it moved with a
 * {@link MergedRecordsMoved}, for {@link CustomerMerges#undo undo}.
 *
 * @param mergeId the merge, as {@link MergedRecordsMoved} and {@link MergeUndone} name it
 * @param loserId the account merged away
 * @param survivorId the account that stays
 * @param actorId who merged
 * @param at when
 */
public record AccountsMerged(UUID mergeId, UUID loserId, UUID survivorId, UUID actorId, Instant at) {

}
