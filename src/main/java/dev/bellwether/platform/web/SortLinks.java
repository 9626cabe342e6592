package dev.bellwether.platform.web;

import org.springframework.data.domain.Sort;

/**
 * Column headers that sort a list: clicking the sorted column again reverses it.
 */
public record SortLinks(String property, boolean ascending) {

	public static SortLinks of(Sort sort) {
		Sort.Order order = sort.stream().findFirst().orElse(Sort.Order.asc("name"));
		return new SortLinks(order.getProperty(), order.isAscending());
	}

	/**
	 * @return the {@code sort} parameter for a header link
	 */
	public String next(String column) {
		return column + "," + (column.equals(this.property) && this.ascending ? "desc" : "asc");
	}

	/**
	 * @return {@code ascending}, {@code descending} or {@code none}, for
	 * {@code aria-sort}
	 */
	public String state(String column) {
		if (!column.equals(this.property)) {
			return "none";
		}
		return this.ascending ? "ascending" : "descending";
	}

}
