package dev.bellwether.dataquality;

import java.util.List;
import java.util.UUID;

/**
 * Which fields count towards a record's completeness: for accounts and contacts one rule
 * each, for deals one per pipeline stage.
 *
 * @param stageId the deal stage the rule is for, {@code null} for accounts and contacts
 * @param stageName its name, for showing
 * @param fields the counted fields, in the order the record type lists them
 * @param builtIn the built-in default (nobody changed it)
 */
public record CompletenessRule(String recordType, UUID stageId, String stageName, List<String> fields,
		boolean builtIn) {

	public List<String> fieldLabels() {
		return this.fields.stream().map(CompletenessRules::label).toList();
	}

}
