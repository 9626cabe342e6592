package dev.bellwether.customers;

import java.util.List;
import java.util.UUID;

/**
 * A module's answer to {@link MergeUndone}: the records it did not move back because they
 * changed after the merge.
 */
public record MergedRecordsKept(UUID mergeId, List<MergeMove> kept) {

	public MergedRecordsKept {
		kept = List.copyOf(kept);
	}

}
