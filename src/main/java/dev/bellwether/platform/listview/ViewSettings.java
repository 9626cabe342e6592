package dev.bellwether.platform.listview;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a list view holds — filters, columns (order and width), sort and page size — and
 * how it travels in a URL: each filter as its own parameter ({@code owner=me}), then
 * {@code cols=name,stage:140}, {@code sort=closeDate,desc} and {@code size=50}. A view
 * read from a URL and written back gives the same URL.
 *
 * @param filters filter name to value, in order; an empty value (from a URL) clears the
 * filter of the view it overrides
 * @param columns the columns shown, in order; empty for the list's own
 * @param sort {@code property,asc|desc}, or {@code null} for the list's own
 * @param pageSize rows per page, or {@code null} for the list's own
 */
public record ViewSettings(Map<String, String> filters, List<Column> columns, String sort, Integer pageSize) {

	/** URL parameters that are not filters. */
	public static final List<String> RESERVED = List.of("view", "cols", "col", "sort", "size", "page", "cursor",
			"exactTotal");

	public ViewSettings {
		filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters == null ? Map.of() : filters));
		columns = columns == null ? List.of() : List.copyOf(columns);
		sort = (sort == null || sort.isBlank()) ? null : sort.trim();
	}

	public static ViewSettings empty() {
		return new ViewSettings(Map.of(), List.of(), null, null);
	}

	/**
	 * A column shown, and its width in pixels ({@code null}: as wide as its content).
	 */
	public record Column(String name, Integer width) {

		public static Column of(String name) {
			return new Column(name, null);
		}

		String toParameter() {
			return this.width == null ? this.name : this.name + ":" + this.width;
		}

		static Column parse(String text) {
			int colon = text.indexOf(':');
			if (colon < 0) {
				return new Column(text.trim(), null);
			}
			String width = text.substring(colon + 1).trim();
			Integer pixels;
			try {
				pixels = width.isEmpty() ? null : Integer.valueOf(width);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("The width of column '" + text.substring(0, colon)
						+ "' must be a whole number of pixels, not '" + width + "'.");
			}
			return new Column(text.substring(0, colon).trim(), pixels);
		}

	}

	/**
	 * Reads a view from URL parameters: the list's filters (others are ignored),
	 * {@code cols}, {@code sort} and {@code size}.
	 * @throws IllegalArgumentException when {@code cols} or {@code size} cannot be read
	 */
	public static ViewSettings fromParameters(Map<String, String[]> parameters, ListDefinition list) {
		Map<String, String> filters = new LinkedHashMap<>();
		for (ListFilter filter : list.filters()) {
			String[] values = parameters.get(filter.name());
			if (values != null && values.length > 0) {
				filters.put(filter.name(), values[0] == null ? "" : values[0].trim());
			}
		}
		List<Column> columns = columnsOf(parameters);
		String size = first(parameters, "size");
		Integer pageSize;
		try {
			pageSize = (size == null || size.isBlank()) ? null : Integer.valueOf(size.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The page size must be a whole number, not '" + size + "'.");
		}
		return new ViewSettings(filters, columns, first(parameters, "sort"), pageSize);
	}

	/**
	 * Reads a view from a URL query, keeping every parameter that is not reserved as a
	 * filter (how saved views are stored: the list decides later which it knows).
	 */
	public static ViewSettings parse(String query) {
		Map<String, String[]> parameters = parameters(query);
		Map<String, String> filters = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (!RESERVED.contains(name)) {
				filters.put(name, values[0]);
			}
		});
		String size = first(parameters, "size");
		Integer pageSize;
		try {
			pageSize = (size == null || size.isBlank()) ? null : Integer.valueOf(size.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The page size must be a whole number, not '" + size + "'.");
		}
		return new ViewSettings(filters, columnsOf(parameters), first(parameters, "sort"), pageSize);
	}

	/**
	 * @return the parameters of a URL query (without {@code ?}), decoded, the first value
	 * of each
	 */
	public static Map<String, String[]> parameters(String query) {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		if (query != null && !query.isBlank()) {
			for (String pair : query.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = decode(equals < 0 ? pair : pair.substring(0, equals));
				String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
				parameters.merge(name, new String[] { value }, (a, b) -> {
					String[] both = java.util.Arrays.copyOf(a, a.length + 1);
					both[a.length] = b[0];
					return both;
				});
			}
		}
		return parameters;
	}

	/**
	 * The columns of {@code cols=name,stage:140}, or those of a column chooser: each
	 * {@code col} parameter in order, its width in {@code w.<name>}.
	 */
	private static List<Column> columnsOf(Map<String, String[]> parameters) {
		List<Column> columns = new ArrayList<>();
		String[] chosen = parameters.get("col");
		if (chosen != null && chosen.length > 0) {
			for (String name : chosen) {
				if (name == null || name.isBlank()) {
					continue;
				}
				String width = first(parameters, "w." + name.trim());
				columns.add(Column
					.parse((width == null || width.isBlank()) ? name.trim() : name.trim() + ":" + width.trim()));
			}
			return columns;
		}
		String cols = first(parameters, "cols");
		if (cols != null) {
			for (String part : cols.split(",")) {
				if (!part.isBlank()) {
					columns.add(Column.parse(part));
				}
			}
		}
		return columns;
	}

	private static String decode(String text) {
		return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static String first(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		return (values == null || values.length == 0) ? null : values[0];
	}

	/**
	 * @return the URL query (without {@code ?}) that {@link #fromParameters} reads back
	 * as this view; empty filters are left out
	 */
	public String toQuery() {
		StringJoiner query = new StringJoiner("&");
		this.filters.forEach((name, value) -> {
			if (value != null && !value.isEmpty()) {
				query.add(encode(name) + "=" + encode(value));
			}
		});
		if (!this.columns.isEmpty()) {
			query.add("cols=" + encode(String.join(",", this.columns.stream().map(Column::toParameter).toList())));
		}
		if (this.sort != null) {
			query.add("sort=" + encode(this.sort));
		}
		if (this.pageSize != null) {
			query.add("size=" + this.pageSize);
		}
		return query.toString();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2C", ",").replace("%3A", ":");
	}

	/**
	 * @return this view with what the other one says: its filters (an empty one clears
	 * this view's), and its columns, sort and page size where it has them
	 */
	public ViewSettings overriddenBy(ViewSettings other) {
		Map<String, String> merged = new LinkedHashMap<>(this.filters);
		other.filters.forEach((name, value) -> {
			merged.remove(name);
			if (value != null && !value.isEmpty()) {
				merged.put(name, value);
			}
		});
		return new ViewSettings(merged, other.columns.isEmpty() ? this.columns : other.columns,
				other.sort != null ? other.sort : this.sort, other.pageSize != null ? other.pageSize : this.pageSize);
	}

	/**
	 * @return this view without empty filters
	 */
	public ViewSettings withoutEmptyFilters() {
		Map<String, String> kept = new LinkedHashMap<>();
		this.filters.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				kept.put(name, value);
			}
		});
		return new ViewSettings(kept, this.columns, this.sort, this.pageSize);
	}

}
