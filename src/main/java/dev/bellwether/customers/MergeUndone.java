package dev.bellwether.customers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A merge was undone: the loser is back from the recycle bin. Each module moves its own
 * records among {@link #moves()} back to the loser — only those still at the version the
 * merge left them at and still pointing at the survivor — in the same transaction, and
 * reports the others (changed since, left as they are) with a {@link MergedRecordsKept}.
 *
 * @param recordType {@code account} or {@code contact}
 * @param moves every record the merge moved, of every module
 */
public record MergeUndone(UUID mergeId, String recordType, UUID loserId, UUID survivorId, UUID actorId, Instant at,
		List<MergeMove> moves) {

	public MergeUndone {
		moves = List.copyOf(moves);
	}

	/**
	 * @return the moves of records of the type
	 */
	public List<MergeMove> movesOf(String movedType) {
		return this.moves.stream().filter(move -> move.recordType().equals(movedType)).toList();
	}

}
