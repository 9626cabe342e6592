package dev.bellwether.platform.listview;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * The kinds of value a list filter takes, and which texts each accepts.
 */
public enum FilterType {

	/** Free text (a search). */
	TEXT,
	/** A record's or user's id; {@code me} stands for whoever opens the view. */
	ID,
	/**
	 * A day: an ISO date, or one relative to whoever opens the view ({@code today},
	 * {@code quarter-start}, {@code quarter-end}).
	 */
	DATE,
	/** {@code true} or {@code false}. */
	BOOLEAN,
	/** One of the filter's choices. */
	CHOICE;

	/** The relative days a {@link #DATE} filter accepts. */
	public static final Set<String> RELATIVE_DAYS = Set.of("today", "quarter-start", "quarter-end");

	/** What an {@link #ID} filter accepts for the person who opens the view. */
	public static final String ME = "me";

	/**
	 * @return whether the text is a value of this type (choices are checked by the
	 * filter)
	 */
	boolean accepts(String value) {
		return switch (this) {
			case TEXT, CHOICE -> true;
			case BOOLEAN -> "true".equals(value) || "false".equals(value);
			case ID -> ME.equals(value) || isUuid(value);
			case DATE -> RELATIVE_DAYS.contains(value) || isDate(value);
		};
	}

	private static boolean isUuid(String value) {
		try {
			UUID.fromString(value);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isDate(String value) {
		try {
			LocalDate.parse(value);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
