package dev.bellwether.platform.listview;

/**
 * A column a list can show; the module renders its values.
 *
 * @param name the column's name in views and URLs, e.g. {@code accountName}
 * @param label its header
 * @param sortProperty the sort property that orders by it (as in {@code sort=}), or
 * {@code null} when it does not sort
 */
public record ListColumn(String name, String label, String sortProperty) {

	public static ListColumn of(String name, String label) {
		return new ListColumn(name, label, null);
	}

	public static ListColumn sortable(String name, String label) {
		return new ListColumn(name, label, name);
	}

	public boolean isSortable() {
		return this.sortProperty != null;
	}

}
