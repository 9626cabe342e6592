package dev.bellwether.platform.listview;

import java.util.List;

/**
 * A filter a list understands, named as in its URL.
 *
 * @param name the URL parameter, e.g. {@code owner}
 * @param label what people read
 * @param type which values it takes
 * @param choices for a {@link FilterType#CHOICE}, the values allowed; empty otherwise
 * @param retired kept so that old views can be read, but no longer offered or saved
 */
public record ListFilter(String name, String label, FilterType type, List<String> choices, boolean retired) {

	public ListFilter {
		choices = List.copyOf(choices);
	}

	public static ListFilter of(String name, String label, FilterType type) {
		return new ListFilter(name, label, type, List.of(), false);
	}

	public static ListFilter choice(String name, String label, List<String> choices) {
		return new ListFilter(name, label, FilterType.CHOICE, choices, false);
	}

	public ListFilter retire() {
		return new ListFilter(this.name, this.label, this.type, this.choices, true);
	}

	/**
	 * @return why the value is not one this filter takes, or {@code null} when it is
	 */
	String problemWith(String value) {
		if (!this.type.accepts(value)) {
			return switch (this.type) {
				case ID -> "The filter '" + this.label + "' takes an id (or 'me'), not '" + value + "'.";
				case DATE -> "The filter '" + this.label + "' takes a day as 2026-06-30 (or today, quarter-start, "
						+ "quarter-end), not '" + value + "'.";
				case BOOLEAN -> "The filter '" + this.label + "' takes true or false, not '" + value + "'.";
				default -> "The filter '" + this.label + "' does not take '" + value + "'.";
			};
		}
		if (this.type == FilterType.CHOICE && !this.choices.contains(value)) {
			return "The filter '" + this.label + "' takes one of " + String.join(", ", this.choices) + ", not '" + value
					+ "'.";
		}
		return null;
	}

}
