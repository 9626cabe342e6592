package dev.bellwether.platform.timeline;

import java.util.List;
import java.util.UUID;

/**
 * Contributes entries to business records' timelines. Each module that records something
 * about a record (activities, field history, stage history) provides one as a bean; the
 * timeline merges them, so no module needs to depend on another to show its entries.
 * Visibility of the record itself is checked by whoever shows the timeline.
 */
public interface TimelineSource {

	/**
	 * @param recordType e.g. {@code account}, {@code contact}, {@code opportunity}
	 * @param recordId the record
	 * @param before the cursor to continue after, or {@code null} for the newest entries
	 * @param limit the most entries to return
	 * @return the record's entries older than the cursor, newest first
	 */
	List<TimelineEntry> entries(String recordType, UUID recordId, TimelineCursor before, int limit);

}
