package dev.bellwether.platform.customfield;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record's custom field values, key to value, as stored in its {@code custom} jsonb
 * column: strings, numbers ({@link BigDecimal}), booleans and lists of strings. Only
 * values that are set are held; retired fields' values stay.
 */
public final class CustomValues {

	public static final CustomValues NONE = new CustomValues(Map.of());

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final Map<String, Object> values;

	private CustomValues(Map<String, Object> values) {
		this.values = Collections.unmodifiableMap(new TreeMap<>(values));
	}

	public static CustomValues of(Map<String, ?> values) {
		Map<String, Object> normalized = new TreeMap<>();
		values.forEach((key, value) -> {
			Object plain = normalize(value);
			if (plain != null) {
				normalized.put(key, plain);
			}
		});
		return normalized.isEmpty() ? NONE : new CustomValues(normalized);
	}

	/** From the column's text (null or {@code {}} for none). */
	public static CustomValues fromJson(String json) {
		if (json == null || json.isBlank() || json.equals("{}")) {
			return NONE;
		}
		return of(JSON.readValue(json, new TypeReference<Map<String, Object>>() {
		}));
	}

	/** For the column: {@code cast(:custom as jsonb)}. */
	public String json() {
		return JSON.writeValueAsString(this.values);
	}

	public Object get(String key) {
		return this.values.get(key);
	}

	public boolean has(String key) {
		return this.values.containsKey(key);
	}

	public Map<String, Object> asMap() {
		return this.values;
	}

	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	private static Object normalize(Object value) {
		if (value instanceof BigDecimal || value instanceof String || value instanceof Boolean || value == null) {
			return value;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		if (value instanceof BigInteger big) {
			return new BigDecimal(big);
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		if (value instanceof List<?> list) {
			List<Object> items = new ArrayList<>();
			list.forEach(item -> items.add(normalize(item)));
			return List.copyOf(items);
		}
		return value.toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CustomValues that && this.values.equals(that.values);
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

	@Override
	public String toString() {
		return this.values.toString();
	}

}
