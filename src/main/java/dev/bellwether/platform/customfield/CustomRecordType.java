package dev.bellwether.platform.customfield;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A record type administrators may add fields to, declared as a bean by the module that
 * owns it (customers declares accounts and contacts, sales deals): its name, its built-in
 * fields (a custom field's key may not be one of them), for record types with stages the
 * stages a field can be required from, and how the module indexes a field on its own
 * table (see {@link CustomFieldIndexes}).
 *
 * @param recordType as in {@code RecordChanged}, e.g. {@code opportunity}
 * @param label plural, for the administration page, e.g. "Deals"
 * @param builtInFields the names of its built-in fields (as in the API and list
 * parameters), compared without case
 * @param stages stage id to name, in pipeline order; empty for record types without
 * stages
 * @param indexer creates the expression index of a field marked as indexed
 */
public record CustomRecordType(String recordType, String label, Set<String> builtInFields,
		Supplier<Map<String, String>> stages, Consumer<CustomField> indexer) {

	public CustomRecordType {
		builtInFields = builtInFields.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
	}

	public boolean hasStages() {
		return !this.stages.get().isEmpty();
	}

	public boolean isBuiltIn(String key) {
		return this.builtInFields.contains(key.toLowerCase(Locale.ROOT));
	}

}
