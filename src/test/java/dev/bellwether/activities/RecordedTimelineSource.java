package dev.bellwether.activities;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.bellwether.platform.timeline.TimelineCursor;
import dev.bellwether.platform.timeline.TimelineEntry;
import dev.bellwether.platform.timeline.TimelineSource;

import org.springframework.stereotype.Component;

/**
 * A second timeline source for tests, standing in for the field and stage history other
 * modules contribute: it returns the entries a test recorded for a record, in timeline
 * order, after the cursor, up to the limit — as every source must.
 */
@Component
class RecordedTimelineSource implements TimelineSource {

	static final String SOURCE = "recorded";

	private final Map<UUID, List<TimelineEntry>> entries = new ConcurrentHashMap<>();

	void record(UUID recordId, TimelineEntry entry) {
		this.entries.computeIfAbsent(recordId, id -> new CopyOnWriteArrayList<>()).add(entry);
	}

	@Override
	public List<TimelineEntry> entries(String recordType, UUID recordId, TimelineCursor before, int limit) {
		TimelineEntry cursor = before == null ? null
				: new TimelineEntry(before.at(), before.id(), "", "", "", List.of(), null, null);
		return this.entries.getOrDefault(recordId, List.of())
			.stream()
			.filter(e -> cursor == null || Timeline.NEWEST_FIRST.compare(e, cursor) > 0)
			.sorted(Timeline.NEWEST_FIRST)
			.limit(limit)
			.toList();
	}

}
