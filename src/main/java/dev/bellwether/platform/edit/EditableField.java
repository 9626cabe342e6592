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
 * @param reason the reason some of its values ask for when many records are changed to
 * them at once, or {@code null}
 */
public record EditableField(String name, String label, Input input, List<Option> options, boolean required,
		Reason reason) {

	public EditableField {
		options = options == null ? List.of() : List.copyOf(options);
	}

	public EditableField(String name, String label, Input input, List<Option> options, boolean required) {
		this(name, label, input, options, required, null);
	}

	/**
	 * A reason a bulk change must give with some values of a field (a deal's stage: the
	 * loss reason, for the lost stages), chosen from a list.
	 *
	 * @param label how people call it ("Loss reason")
	 * @param options the reasons to choose from
	 * @param values the field's values that ask for it
	 */
	public record Reason(String label, List<Option> options, List<String> values) {

		public Reason {
			options = List.copyOf(options);
			values = List.copyOf(values);
		}

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
