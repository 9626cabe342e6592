package dev.bellwether.platform.picklist;

import java.util.UUID;

/**
 * One value of a pick list: a stable {@code key} (never changes) and the {@code label}
 * people see and administrators rename.
 *
 * @param retired kept on the records that have it, no longer offered for new ones
 */
public record PickListValue(UUID id, String list, String key, String label, int position, boolean retired,
		long version) {

	boolean matches(String input) {
		return this.label.equalsIgnoreCase(input) || this.key.equalsIgnoreCase(input);
	}

}
