package dev.bellwether.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.bellwether.platform.InvalidInputException;

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

}
