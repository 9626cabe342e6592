package dev.bellwether.dataquality;

import java.util.List;
import java.util.UUID;

/**
 * One record as it is now, scored by the completeness rules.
 *
 * @param score from 0 to 1, {@code null} when its rule counts no field
 * @param missing the counted fields it lacks
 * @param stageName a deal's stage, {@code null} for others
 * @param version the record's version, for changing a field in place
 */
public record ScoredRecord(String recordType, UUID id, String name, UUID ownerId, String stageName, Double score,
		List<MissingField> missing, long version) {

	public String pageLink() {
		return QualityIssue.pageOf(this.recordType, this.id);
	}

	public String editLink() {
		return QualityIssue.editLink(this.recordType, this.id);
	}

	/**
	 * @return the missing fields as people read them
	 */
	public List<String> missingLabels() {
		return this.missing.stream().map(MissingField::label).toList();
	}

	/**
	 * A counted field the record lacks.
	 *
	 * @param inlineField the field's name for changing it in place (the records' inline
	 * edit), {@code null} when it is changed on the edit page only
	 */
	public record MissingField(String field, String label, String inlineField) {

		static MissingField of(String recordType, String field) {
			return new MissingField(field, CompletenessRules.label(field),
					CompletenessRules.inlineField(recordType, field));
		}

	}

}
