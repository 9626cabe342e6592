package dev.bellwether.platform.customfield;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A list's criteria on custom fields, from its request parameters: {@code cf.<key>=value}
 * for an equal value (a multi-select: one of its choices ticked), and for numbers, money,
 * percentages, dates and date-times {@code cf.<key>.from} and {@code cf.<key>.to} for a
 * range (both ends included). Checked and turned into SQL by
 * {@link CustomFields#where(String, String, CustomFilter, Map)}.
 */
public record CustomFilter(Map<String, String> criteria) {

	public static final String PREFIX = "cf.";

	public static final CustomFilter NONE = new CustomFilter(Map.of());

	public CustomFilter {
		criteria = Collections.unmodifiableMap(new TreeMap<>(criteria));
	}

	/**
	 * @param parameters a request's parameters; those not starting with {@code cf.} and
	 * blank ones are left out
	 */
	public static CustomFilter of(Map<String, String[]> parameters) {
		Map<String, String> criteria = new TreeMap<>();
		parameters.forEach((name, values) -> {
			if (name.startsWith(PREFIX) && values != null && values.length > 0 && values[0] != null
					&& !values[0].isBlank()) {
				criteria.put(name, values[0].strip());
			}
		});
		return criteria.isEmpty() ? NONE : new CustomFilter(criteria);
	}

	public boolean isEmpty() {
		return this.criteria.isEmpty();
	}

}
