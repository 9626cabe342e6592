package dev.bellwether.platform;

import java.util.List;

/**
 * Many records changed at once by one set-based change (a bulk change): one event instead
 * of one {@link RecordChanged} per record, so that a change of thousands of records costs
 * one publication. Every listener of {@link RecordChanged} must handle it as each of its
 * changes published on its own.
 *
 * @param changes each record's change
 */
public record RecordsChanged(List<RecordChanged> changes) {

	public RecordsChanged {
		changes = List.copyOf(changes);
	}

}
