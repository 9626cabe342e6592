package dev.bellwether.platform;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals, for set-based statements that take many rows' values as
 * arrays in one parameter ({@code unnest(cast(:ids as uuid[]), cast(:versions as
 * bigint[]))}) rather than one statement per row.
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	/**
	 * @return the values as an array literal ({@code {a,"b c",NULL}}), each quoted as
	 * text; cast it to the element type in the statement
	 */
	public static String of(Collection<?> values) {
		return values.stream().map(SqlArrays::element).collect(Collectors.joining(",", "{", "}"));
	}

	private static String element(Object value) {
		if (value == null) {
			return "NULL";
		}
		String text = value.toString();
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\');
			}
			quoted.append(c);
		}
		return quoted.append('"').toString();
	}

}
