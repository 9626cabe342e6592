package dev.bellwether.platform.listview;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A view every user has out of the box ("My open deals"): not editable, but copyable.
 *
 * @param key stable within its list, e.g. {@code my-open-deals}
 * @param name what people read
 * @param settings its filters, columns, sort and page size; filters may use {@code me}
 * and relative days, resolved for whoever opens it
 */
public record StandardView(String key, String name, ViewSettings settings) {

	/**
	 * @return the view's id: the same on every installation and after every restart, so
	 * that a link to it keeps working
	 */
	public UUID id(String recordType) {
		return UUID
			.nameUUIDFromBytes(("standard-view:" + recordType + ":" + this.key).getBytes(StandardCharsets.UTF_8));
	}

}
