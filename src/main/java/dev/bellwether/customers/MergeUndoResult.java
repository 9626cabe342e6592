package dev.bellwether.customers;

import java.util.List;
import java.util.UUID;

/**
 * What undoing a merge did.
 *
 * @param survivorRestored whether the survivor's fields went back to their values before
 * the merge (not when it was changed since)
 * @param returned how many moved records went back to the restored record
 * @param kept the moved records left as they are, because they changed after the merge
 */
public record MergeUndoResult(UUID mergeId, boolean survivorRestored, int returned, List<MergeMove> kept) {

	public MergeUndoResult {
		kept = List.copyOf(kept);
	}

}
