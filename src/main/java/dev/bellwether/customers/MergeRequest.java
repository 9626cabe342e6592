package dev.bellwether.customers;

import java.util.Map;
import java.util.UUID;

/**
 * Merge one record into another of the same type.
 *
 * @param survivorId the record that stays
 * @param survivorVersion the version of it the choice was made on
 * @param loserId the record merged into it, which goes to the recycle bin
 * @param loserVersion the version of that one
 * @param fields per field, whose value the survivor keeps; a field not named keeps the
 * survivor's value, or the loser's when the survivor has none
 */
public record MergeRequest(UUID survivorId, long survivorVersion, UUID loserId, long loserVersion,
		Map<String, MergeSide> fields) {

	public MergeRequest {
		fields = fields == null ? Map.of() : Map.copyOf(fields);
	}

}
