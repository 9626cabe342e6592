package dev.bellwether.identity;

import java.util.Map;

/**
 * A SQL predicate with its named parameters, to be and-ed into a query's {@code where}
 * clause.
 */
public record SqlFilter(String sql, Map<String, Object> parameters) {

	public static SqlFilter none() {
		return new SqlFilter("true", Map.of());
	}

}
