package dev.bellwether.imports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How an import reads its file: which column fills which field, what the file's values
 * mean, what to do about references that are not found and records that exist already.
 *
 * @param columns the file's header to the field it fills (see {@link ImportFields}); a
 * header not named is ignored
 * @param values per field, a value as the file writes it (compared case-insensitively) to
 * what it means: a pick-list value's label, a stage's or a user's name or id
 * @param references per reference field, what to do when the record named is not found
 * @param match how a row finds the record it is about
 * @param onMatch what to do with a row whose record exists
 * @param mode import the valid rows and report the others, or nothing until every row is
 * valid
 * @param defaultOwnerId the owner of rows that name none (or one that is not found and
 * left empty); {@code null} for the user who runs the import
 * @param defaultCloseDate the close date of open deals whose row has none ({@code null}:
 * such rows are refused)
 * @param dateOrder how to read a date such as 03/04/2025
 */
public record ImportSettings(Map<String, String> columns, Map<String, Map<String, String>> values,
		Map<String, ReferenceRule> references, MatchRule match, OnMatch onMatch, Mode mode, UUID defaultOwnerId,
		LocalDate defaultCloseDate, DateOrder dateOrder) {

	public ImportSettings {
		columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
		values = values == null ? Map.of() : new LinkedHashMap<>(values);
		references = references == null ? Map.of() : new LinkedHashMap<>(references);
		match = match == null ? MatchRule.EXTERNAL_ID_OR_RULE : match;
		onMatch = onMatch == null ? OnMatch.SKIP : onMatch;
		mode = mode == null ? Mode.VALID_ROWS : mode;
		dateOrder = dateOrder == null ? DateOrder.DAY_FIRST : dateOrder;
	}

	/**
	 * The settings a new import starts with: columns mapped by their headers, references
	 * to accounts created when missing (others left empty), existing records skipped.
	 */
	public static ImportSettings initial(ImportTarget target, List<String> headers) {
		return initial(target, headers, List.of());
	}

	/**
	 * {@link #initial(ImportTarget, List)}, the record type's custom fields mapped by
	 * their labels too.
	 */
	public static ImportSettings initial(ImportTarget target, List<String> headers, List<ImportField> custom) {
		Map<String, ReferenceRule> references = new LinkedHashMap<>();
		for (ImportField field : ImportFields.of(target)) {
			if (field.isReference()) {
				references.put(field.key(), field.kind() == ImportField.Kind.ACCOUNT && !"parent".equals(field.key())
						? ReferenceRule.CREATE : field.required() ? ReferenceRule.REJECT : ReferenceRule.LEAVE_EMPTY);
			}
		}
		return new ImportSettings(ImportFields.autoMap(target, headers, custom), Map.of(), references, null, null, null,
				null, null, null);
	}

	/**
	 * @return the rule for a reference field (leave empty unless set)
	 */
	public ReferenceRule reference(String field) {
		return this.references.getOrDefault(field, ReferenceRule.LEAVE_EMPTY);
	}

	/** What to do when a row names a record that is not found. */
	public enum ReferenceRule {

		/** Create it (accounts: by the name in the file). */
		CREATE,
		/**
		 * Leave the field empty (or the default owner) and warn, where the field allows.
		 */
		LEAVE_EMPTY,
		/** Refuse the row. */
		REJECT

	}

	/** How a row finds the record it is about. */
	public enum MatchRule {

		/**
		 * By the old system's id where the row has one, else by the record's natural key:
		 * an account's name or web domain, a contact's e-mail address.
		 */
		EXTERNAL_ID_OR_RULE,
		/** By the old system's id only. */
		EXTERNAL_ID,
		/** Never: every row creates a record. */
		NONE

	}

	/** What to do with a row whose record exists. */
	public enum OnMatch {

		/** Leave the record as it is. */
		SKIP,
		/** Overwrite the fields the row fills (blank cells leave a field alone). */
		UPDATE

	}

	/** How much of a file with refused rows is imported. */
	public enum Mode {

		/** The valid rows; the others are reported. */
		VALID_ROWS,
		/** Nothing until every row is valid. */
		ALL_OR_NOTHING

	}

	/** How a date written with slashes or dots is read. */
	public enum DateOrder {

		/** 03/04/2025 is 3 April 2025. */
		DAY_FIRST,
		/** 03/04/2025 is 4 March 2025. */
		MONTH_FIRST

	}

}
