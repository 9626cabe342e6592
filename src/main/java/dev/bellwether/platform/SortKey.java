package dev.bellwether.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One term of a list's order: an SQL expression and its direction, nulls last.
 *
 * @param sql the expression, from the list's own fixed set (never request text)
 * @param ascending its direction
 * @param notNull whether the expression is never null (a key or a {@code not null}
 * column): lets a keyset page start with a row comparison that an index serves
 */
public record SortKey(String sql, boolean ascending, boolean notNull) {

	/**
	 * Nulls last; for a key that is never null, the plain direction, so that one
	 * ascending index serves the list both ways (scanned backwards for descending: a
	 * {@code desc nulls last} term would match only an index built that way).
	 */
	public String orderTerm() {
		if (this.notNull) {
			return this.sql + (this.ascending ? " asc" : " desc");
		}
		return this.sql + (this.ascending ? " asc nulls last" : " desc nulls last");
	}

	/**
	 * @return the {@code order by} list (without the keywords)
	 */
	public static String orderBy(List<SortKey> keys) {
		return keys.stream().map(SortKey::orderTerm).collect(Collectors.joining(", "));
	}

}
