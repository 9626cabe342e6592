package dev.bellwether.activities;

import java.util.List;

import dev.bellwether.platform.timeline.TimelineCursor;

/**
 * One page of a record's timeline, newest first.
 *
 * @param next where the following (older) page starts, or {@code null} on the last page
 */
public record TimelinePage(String recordType, java.util.UUID recordId, List<TimelineItem> entries,
		TimelineCursor next) {

	public String nextToken() {
		return this.next == null ? null : Timeline.format(this.next);
	}

}
