package dev.bellwether.customers;

import java.util.List;
import java.util.UUID;

/**
 * A module's answer to {@link AccountsMerged} or {@link ContactsMerged}: the records of
 * its own it moved to the survivor, published in the same transaction, so that customers
 * can keep them for undoing the merge.
 */
public record MergedRecordsMoved(UUID mergeId, List<MergeMove> moves) {

	public MergedRecordsMoved {
		moves = List.copyOf(moves);
	}

}
