package dev.bellwether.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.util.StringUtils;

/**
 * A list's {@code where}, the same for every record type: its conditions and-ed together,
 * each with its named parameters; a filter's criterion left empty adds nothing. The
 * module writes each condition, naming its own columns.
 */
public final class ListConditions {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> parameters;

	/**
	 * @param parameters where the conditions' parameters go (the query's)
	 */
	public ListConditions(Map<String, Object> parameters) {
		this.parameters = parameters;
	}

	/**
	 * The records in use, or those in the recycle bin.
	 * @param alias the table's alias in the query
	 */
	public ListConditions inRecycleBin(String alias, boolean deleted) {
		return add(alias + (deleted ? ".deleted_at is not null" : ".deleted_at is null"));
	}

	public ListConditions add(String condition) {
		this.conditions.add(condition);
		return this;
	}

	/** A condition with parameters of its own (a visibility filter's). */
	public ListConditions add(String condition, Map<String, ?> parameters) {
		this.parameters.putAll(parameters);
		return add(condition);
	}

	/**
	 * The condition with {@code :parameter} bound to the value (an enum constant by its
	 * name), when there is a value.
	 */
	public ListConditions when(Object value, String condition, String parameter) {
		if (value == null) {
			return this;
		}
		this.parameters.put(parameter, (value instanceof Enum<?> constant) ? constant.name() : value);
		return add(condition);
	}

	/**
	 * The condition with {@code :q} bound to a {@code like} pattern containing the text,
	 * when there is text (a list's search box).
	 */
	public ListConditions containing(String text, String condition) {
		return StringUtils.hasText(text) ? when(SqlValues.contains(text), condition, "q") : this;
	}

	/** The conditions and-ed. */
	public String sql() {
		return String.join(" and ", this.conditions);
	}

}
