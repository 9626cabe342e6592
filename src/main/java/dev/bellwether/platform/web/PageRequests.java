package dev.bellwether.platform.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.SortKey;

import org.springframework.data.domain.Sort;

/**
 * Turns a requested sort into SQL over a fixed set of sortable columns, so that no
 * request text ever reaches a query.
 */
public final class PageRequests {

	private PageRequests() {
	}

	/**
	 * @param sortable property name (as in the API) to SQL expression
	 * @param tieBreakers appended so that paging is stable
	 */
	public static String orderBy(Sort sort, Map<String, String> sortable, String recordType, String... tieBreakers) {
		List<String> terms = new ArrayList<>();
		for (Sort.Order order : sort) {
			String column = sortable.get(order.getProperty());
			if (column == null) {
				throw new InvalidInputException("sort",
						"A " + recordType + " list can't be sorted by '" + order.getProperty() + "'. Sort by one of: "
								+ String.join(", ", sortable.keySet().stream().sorted().toList()) + ".");
			}
			terms.add(column + (order.isAscending() ? " asc nulls last" : " desc nulls last"));
		}
		terms.addAll(List.of(tieBreakers));
		return String.join(", ", terms);
	}

	/**
	 * The order as {@link SortKey}s, for keyset paging: the requested terms, then the
	 * tie-breakers in the direction of the first requested term (so that a descending
	 * list is descending all the way to the id, and one index serves it), each expression
	 * once.
	 * @param sortable property name (as in the API) to SQL expression (several,
	 * comma-separated, sort together)
	 * @param notNull the expressions that are never null (keys and {@code not null}
	 * columns)
	 * @param tieBreakers appended so that paging is stable; the last should be the id
	 */
	public static List<SortKey> sortKeys(Sort sort, Map<String, String> sortable, Set<String> notNull,
			String recordType, String... tieBreakers) {
		List<SortKey> keys = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Boolean firstAscending = null;
		for (Sort.Order order : sort) {
			String columns = sortable.get(order.getProperty());
			if (columns == null) {
				throw new InvalidInputException("sort",
						"A " + recordType + " list can't be sorted by '" + order.getProperty() + "'. Sort by one of: "
								+ String.join(", ", sortable.keySet().stream().sorted().toList()) + ".");
			}
			if (firstAscending == null) {
				firstAscending = order.isAscending();
			}
			for (String column : splitTopLevel(columns)) {
				if (seen.add(column)) {
					keys.add(new SortKey(column, order.isAscending(), notNull.contains(column)));
				}
			}
		}
		boolean ascending = (firstAscending == null) || firstAscending;
		for (String column : tieBreakers) {
			if (seen.add(column)) {
				keys.add(new SortKey(column, ascending, notNull.contains(column)));
			}
		}
		return keys;
	}

	private static List<String> splitTopLevel(String columns) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < columns.length(); i++) {
			char c = columns.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(columns.substring(start, i).strip());
				start = i + 1;
			}
		}
		parts.add(columns.substring(start).strip());
		return parts;
	}

}
