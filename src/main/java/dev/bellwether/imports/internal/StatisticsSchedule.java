package dev.bellwether.imports.internal;

import java.util.EnumMap;
import java.util.Map;

import dev.bellwether.imports.ImportTarget;

/**
 * When the imports refresh the planner's statistics of the tables they fill: once this
 * node's imports of a kind have written a thousand rows, and again each time that number
 * doubles — counted across imports, so that the bulk API's many small imports (a thousand
 * rows a call) refresh them as seldom as one large file does, rather than at every call.
 * A table grows from nothing to a million rows with twenty refreshes.
 */
final class StatisticsSchedule {

	private final int first;

	private final Map<ImportTarget, long[]> written = new EnumMap<>(ImportTarget.class);

	StatisticsSchedule(int first) {
		this.first = first;
	}

	/**
	 * Counts rows an import wrote.
	 * @return whether the statistics are due now
	 */
	synchronized boolean written(ImportTarget target, int rows) {
		// rows written so far, and the count at which the statistics are due next
		long[] count = this.written.computeIfAbsent(target, t -> new long[] { 0, this.first });
		count[0] += rows;
		if (count[0] < count[1]) {
			return false;
		}
		while (count[1] <= count[0]) {
			count[1] *= 2;
		}
		return true;
	}

}
