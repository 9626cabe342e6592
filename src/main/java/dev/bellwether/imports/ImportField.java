package dev.bellwether.imports;

import java.util.List;

/**
 * A field a column of a file can fill.
 *
 * @param key the field's key in settings and the API
 * @param label its name on the page
 * @param kind how a cell is read
 * @param list for a {@link Kind#PICK} field, the pick list
 * @param required whether a new record needs it
 * @param synonyms header names that map to it automatically (compared ignoring case,
 * spaces and punctuation), including Salesforce's and HubSpot's export names
 */
public record ImportField(String key, String label, Kind kind, String list, boolean required, List<String> synonyms) {

	public enum Kind {

		/** Text as it is. */
		TEXT,
		/** A whole number. */
		INTEGER,
		/** An amount, with or without a currency sign and thousands separators. */
		MONEY,
		/** A number with decimals (a quantity), with or without thousands separators. */
		NUMBER,
		/** A number from 0 to 100, with or without %. */
		PERCENT,
		/** A date (ISO, or day/month order as the import says), or a date and time. */
		DATE,
		/** A value of an administrator's pick list, matched case-insensitively. */
		PICK,
		/** A stage of the pipeline. */
		STAGE,
		/** A user, by user name, e-mail or full name. */
		USER,
		/** An account, by the old system's id, its name or its web domain. */
		ACCOUNT,
		/** A contact, by e-mail address. */
		CONTACT,
		/** A deal, by the old system's id or its name. */
		DEAL,
		/**
		 * A product of the catalogue, by the old system's id, its code or its name; one
		 * not found is a question in the preview, with the closest product suggested.
		 */
		PRODUCT,
		/**
		 * One of a fixed set of choices (an activity's kind, a task's status or
		 * priority), matched by name or a common synonym.
		 */
		CHOICE,
		/** The old system's id of the record itself. */
		EXTERNAL_ID,
		/**
		 * A custom field ({@code cf.<key>}), read by the field's own type as a form's
		 * value is.
		 */
		CUSTOM

	}

	/**
	 * @return whether the field names another record (resolved with a reference rule)
	 */
	public boolean isReference() {
		return this.kind == Kind.USER || this.kind == Kind.ACCOUNT || this.kind == Kind.CONTACT
				|| this.kind == Kind.DEAL;
	}

	/**
	 * @return whether its values are mapped to a closed set of choices
	 */
	public boolean hasChoices() {
		return this.kind == Kind.PICK || this.kind == Kind.STAGE || this.kind == Kind.CHOICE
				|| this.kind == Kind.PRODUCT;
	}

}
