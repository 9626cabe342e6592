package dev.bellwether.platform.customfield;

import java.util.List;

import dev.bellwether.platform.customfield.CustomField.Requirement;

/**
 * What an administrator enters about a custom field. The type is chosen once, when the
 * field is added; the key follows from the label then and never changes.
 *
 * @param options the choices of a pick list or multi-select, in order
 * @param requiredFrom the stage from which on a value is required
 * ({@link Requirement#FROM_STAGE})
 * @param indexed whether lists sort and range on it fast (an expression index)
 */
public record CustomFieldDefinition(String label, CustomFieldType type, List<String> options, Requirement required,
		String requiredFrom, String helpText, boolean indexed) {

	public CustomFieldDefinition {
		options = options == null ? List.of() : options;
		required = required == null ? Requirement.NEVER : required;
	}

}
