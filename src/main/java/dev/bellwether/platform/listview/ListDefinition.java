package dev.bellwether.platform.listview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.platform.InvalidInputException;

/**
 * One module's list of one record type, as the module declares it (a bean): the filters
 * it understands, the columns it can show (its own fields and related ones: account name,
 * owner, stage, last touched), which of them sort, what it shows when nobody chose, and
 * its standard views.
 *
 * @param recordType e.g. {@code opportunity}
 * @param label the list's name, e.g. {@code Deals}
 * @param path the list page, e.g. {@code /opportunities}
 * @param filters what it filters on
 * @param columns what it can show
 * @param defaults the columns, sort and page size shown when nobody chose
 * @param standardViews views everyone has
 * @param openingView the key of the standard view the bare list opens (no view in its
 * address, no filter, sort or size, and no default view of the person's own), or
 * {@code null} for the list as it comes
 */
public record ListDefinition(String recordType, String label, String path, List<ListFilter> filters,
		List<ListColumn> columns, ViewSettings defaults, List<StandardView> standardViews, String openingView) {

	/**
	 * A list whose bare address shows it as it comes.
	 */
	public ListDefinition(String recordType, String label, String path, List<ListFilter> filters,
			List<ListColumn> columns, ViewSettings defaults, List<StandardView> standardViews) {
		this(recordType, label, path, filters, columns, defaults, standardViews, null);
	}

	/**
	 * @return the standard view the bare list opens, if the list names one
	 */
	public Optional<StandardView> opening() {
		return this.standardViews.stream().filter(v -> v.key().equals(this.openingView)).findFirst();
	}

	public static final int MAX_PAGE_SIZE = 200;

	public static final int MIN_WIDTH = 40;

	public static final int MAX_WIDTH = 800;

	public ListDefinition {
		filters = List.copyOf(filters);
		columns = List.copyOf(columns);
		standardViews = List.copyOf(standardViews);
		if (openingView != null && standardViews.stream().noneMatch(v -> v.key().equals(openingView))) {
			throw new IllegalArgumentException(
					"The " + recordType + " list opens '" + openingView + "', which is none of its standard views");
		}
	}

	public Optional<ListFilter> filter(String name) {
		return this.filters.stream().filter(f -> f.name().equals(name)).findFirst();
	}

	public Optional<ListColumn> column(String name) {
		return this.columns.stream().filter(c -> c.name().equals(name)).findFirst();
	}

	public Optional<StandardView> standardView(UUID id) {
		return this.standardViews.stream().filter(v -> v.id(this.recordType).equals(id)).findFirst();
	}

	/**
	 * Checks a view before it is saved: every filter known, not retired, with a value it
	 * takes; every column known, once, with a sensible width; a sort by a sortable
	 * column; a page size from 1 to {@value #MAX_PAGE_SIZE}.
	 * @throws InvalidInputException naming each problem, so that nothing is saved half
	 * right
	 */
	public void check(ViewSettings view) {
		Map<String, String> problems = new LinkedHashMap<>();
		view.filters().forEach((name, value) -> {
			Optional<ListFilter> filter = filter(name);
			if (filter.isEmpty()) {
				problems.put("filters." + name, "A " + this.recordType + " list has no filter '" + name
						+ "'. Filter on one of: " + String.join(", ", offeredFilters()) + ".");
			}
			else if (filter.get().retired()) {
				problems.put("filters." + name, "The filter '" + filter.get().label()
						+ "' has been retired and can no longer be saved in a view; remove it.");
			}
			else if (value != null && !value.isEmpty()) {
				String problem = filter.get().problemWith(value);
				if (problem != null) {
					problems.put("filters." + name, problem);
				}
			}
		});
		List<String> seen = new ArrayList<>();
		for (ViewSettings.Column column : view.columns()) {
			if (column(column.name()).isEmpty()) {
				problems.putIfAbsent("columns",
						"A " + this.recordType + " list has no column '" + column.name() + "'. Show some of: "
								+ String.join(", ", this.columns.stream().map(ListColumn::name).toList()) + ".");
			}
			else if (seen.contains(column.name())) {
				problems.putIfAbsent("columns", "The column '" + column.name() + "' is chosen twice.");
			}
			else if (column.width() != null && (column.width() < MIN_WIDTH || column.width() > MAX_WIDTH)) {
				problems.putIfAbsent("columns", "The width of column '" + column.name() + "' must be from " + MIN_WIDTH
						+ " to " + MAX_WIDTH + " pixels.");
			}
			seen.add(column.name());
		}
		if (view.sort() != null && !sortable(view.sort())) {
			problems.put("sort", "A " + this.recordType + " list can't be sorted by '" + view.sort()
					+ "'. Sort by one of: "
					+ String.join(", ",
							this.columns.stream().filter(ListColumn::isSortable).map(ListColumn::sortProperty).toList())
					+ ", followed by ',asc' or ',desc'.");
		}
		if (view.pageSize() != null && (view.pageSize() < 1 || view.pageSize() > MAX_PAGE_SIZE)) {
			problems.put("pageSize", "The page size must be from 1 to " + MAX_PAGE_SIZE + ".");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	public boolean sortable(String sort) {
		String[] parts = sort.split(",");
		if (parts.length > 2 || (parts.length == 2 && !parts[1].equals("asc") && !parts[1].equals("desc"))) {
			return false;
		}
		return this.columns.stream().anyMatch(c -> c.isSortable() && c.sortProperty().equals(parts[0]));
	}

	private List<String> offeredFilters() {
		return this.filters.stream().filter(f -> !f.retired()).map(ListFilter::name).toList();
	}

	/**
	 * @return the columns the view shows, in its order and widths (the list's own when it
	 * chose none); columns the list no longer has are left out
	 */
	public List<ShownColumn> shownColumns(ViewSettings view) {
		List<ViewSettings.Column> chosen = view.columns().isEmpty() ? this.defaults.columns() : view.columns();
		List<ShownColumn> shown = new ArrayList<>();
		for (ViewSettings.Column choice : chosen) {
			column(choice.name()).filter(c -> shown.stream().noneMatch(s -> s.name().equals(c.name())))
				.ifPresent(c -> shown.add(new ShownColumn(c, choice.width())));
		}
		return shown;
	}

	/**
	 * A column as a list shows it.
	 */
	public record ShownColumn(ListColumn column, Integer width) {

		public String name() {
			return this.column.name();
		}

		public String label() {
			return this.column.label();
		}

		public boolean sortable() {
			return this.column.isSortable();
		}

		public String sortProperty() {
			return this.column.sortProperty();
		}

		/**
		 * @return the header's inline style, or {@code null}
		 */
		public String style() {
			return this.width == null ? null : "width: " + this.width + "px; min-width: " + this.width + "px";
		}

	}

}
