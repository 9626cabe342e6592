package dev.bellwether.customers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A merge as it was done, and whether it was undone.
 *
 * @param moved how many records the merge moved
 * @param kept the records an undo left with the survivor because they had changed since
 */
public record CustomerMerge(UUID id, String recordType, UUID survivorId, UUID loserId, Instant mergedAt, UUID mergedBy,
		Instant undoneAt, UUID undoneBy, int moved, List<MergeMove> kept) {

	public boolean isUndone() {
		return this.undoneAt != null;
	}

}
