package dev.bellwether.platform.picklist;

import java.util.List;

/**
 * A list of values administrators edit (industry, country display, lead source, loss
 * reason, activity sub-types), owned by the module whose records use it.
 *
 * @param name the list's name in URLs and the API, e.g. {@code industry}
 * @param module the module whose records use it
 * @param stores what those records store: the value's {@code LABEL} (a rename is
 * published as {@link PickListValueRenamed} and the module updates its rows) or its
 * {@code KEY} (country: the ISO code)
 * @param values every value in order, retired ones included
 */
public record PickList(String name, String label, String module, String description, Stores stores, int maxLabelLength,
		List<PickListValue> values) {

	public enum Stores {

		LABEL, KEY

	}

	/**
	 * @return the values offered for new records, in order
	 */
	public List<PickListValue> activeValues() {
		return this.values.stream().filter(value -> !value.retired()).toList();
	}

	/**
	 * @return what records store for each value offered (labels or keys), in order
	 */
	public List<String> allowed() {
		return activeValues().stream().map(this::stored).toList();
	}

	/**
	 * @return what a record stores for the value
	 */
	public String stored(PickListValue value) {
		return this.stores == Stores.KEY ? value.key() : value.label();
	}

}
