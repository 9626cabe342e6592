package dev.bellwether.customers;

import java.util.UUID;

/**
 * A merge done.
 *
 * @param mergeId to undo it with
 * @param survivorVersion the survivor's version after the merge
 * @param moved how many records moved from the loser to the survivor (contacts, child
 * accounts, deals, activities)
 */
public record MergeResult(UUID mergeId, String recordType, UUID survivorId, UUID loserId, long survivorVersion,
		int moved) {

}
