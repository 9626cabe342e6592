package dev.bellwether.adoption.internal.metrics;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for one parameter each ({@code cast(:ids as uuid[])},
 * unnested and joined in the adoption module's SQL): how the figures pass the people the
 * identity module gave them, thousands at once, without naming its tables.
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	/**
	 * @return a literal for {@code uuid[]}, {@code date[]}, {@code boolean[]} or any
	 * element whose text form needs no quoting; {@code null} elements become SQL nulls
	 */
	public static String of(Collection<?> values) {
		return values.stream()
			.map(value -> value == null ? "NULL" : String.valueOf(value))
			.collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * @return a literal for {@code text[]}: every element quoted, so commas, quotes and
	 * braces in a name stay in it
	 */
	public static String ofTexts(Collection<String> values) {
		return values.stream()
			.map(value -> value == null ? "NULL"
					: "\"" + Objects.toString(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

}
