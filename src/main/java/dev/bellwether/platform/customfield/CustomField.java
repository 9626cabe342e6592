package dev.bellwether.platform.customfield;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A field an administrator added to a record type. Retired fields are never deleted: they
 * keep their values (shown on record pages, marked) and their key, which no new field may
 * take.
 *
 * @param key the name of its value in the record's {@code custom} column, the API's
 * {@code customFields} and list filters ({@code cf.<key>}); derived from the first label
 * @param requiredFrom for {@link Requirement#FROM_STAGE}: the stage (an id the owning
 * module understands) from which on a value is required
 * @param indexed whether the owning table has an expression index for sorting and ranges
 */
public record CustomField(UUID id, String recordType, String key, String label, CustomFieldType type,
		List<String> options, Requirement required, String requiredFrom, String helpText, int position, boolean indexed,
		Instant retiredAt, long version) {

	public CustomField {
		options = options == null ? List.of() : List.copyOf(options);
	}

	public boolean isRetired() {
		return this.retiredAt != null;
	}

	/** The list filter's parameter name: {@code cf.<key>}. */
	public String filterName() {
		return CustomFilter.PREFIX + this.key;
	}

	/**
	 * When a record needs a value of the field.
	 */
	public enum Requirement {

		NEVER("Optional"), ALWAYS("Always required"), FROM_STAGE("Required from a stage on");

		private final String label;

		Requirement(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
