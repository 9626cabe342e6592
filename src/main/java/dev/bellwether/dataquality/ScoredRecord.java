package dev.bellwether.dataquality;

import java.util.List;
import java.util.UUID;

/**
 * One record as it is now, scored by the completeness rules.
 *
 * @param score from 0 to 1, {@code null} when its rule counts no field
 * @param missing the counted fields it lacks, as people read them
 * @param stageName a deal's stage, {@code null} for others
 */
public record ScoredRecord(String recordType, UUID id, String name, UUID ownerId, String stageName, Double score,
		List<String> missing) {

	public String pageLink() {
		return QualityIssue.pageOf(this.recordType, this.id);
	}

	public String editLink() {
		return QualityIssue.editLink(this.recordType, this.id);
	}

}
