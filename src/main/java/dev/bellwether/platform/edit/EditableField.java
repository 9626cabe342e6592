package dev.bellwether.platform.edit;

import java.util.List;

/**
 * A field of a record type that can be changed on its own: inline in a list or on the
 * record's page, or for many records at once by a bulk change.
 *
 * @param name the field's name, as in the record type's API
 * @param label how people call it
 * @param input the input that suits it
 * @param options the values to choose from, for {@link Input#SELECT} and
 * {@link Input#MULTI_SELECT}; empty otherwise
 * @param required whether it can be left empty
 */
public record EditableField(String name, String label, Input input, List<Option> options, boolean required) {

	public EditableField {
		options = options == null ? List.of() : List.copyOf(options);
	}

	/**
	 * The kind of input a field is edited with.
	 */
	public enum Input {

		TEXT, TEXTAREA, NUMBER, MONEY, DATE, SELECT,
		/**
		 * A day and a time ({@code datetime-local}: {@code 2026-06-17T14:30}, in the
		 * company's time zone).
		 */
		DATE_TIME,
		/**
		 * Any number of the options, sent as their values joined by commas ({@code a,b});
		 * empty for none.
		 */
		MULTI_SELECT

	}

	/**
	 * One value to choose from.
	 */
	public record Option(String value, String label) {
	}

}
