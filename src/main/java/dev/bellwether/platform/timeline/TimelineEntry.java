package dev.bellwether.platform.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bellwether.platform.FieldChange;

/**
 * One entry of a record's timeline: an activity, a set of field changes, a stage change.
 *
 * @param at when it happened (the timeline is ordered by this, newest first, then by id)
 * @param id the entry's id in its source, unique within the source
 * @param source which {@link TimelineSource} made it, e.g. {@code activity},
 * {@code field-history}, {@code stage-history}
 * @param type what kind of entry within the source, e.g. {@code CALL}, {@code UPDATED},
 * {@code STAGE}
 * @param summary one line saying what happened
 * @param changes the fields changed, if any
 * @param actorId who did it
 * @param url a page to open the entry at, if it has one of its own
 */
public record TimelineEntry(Instant at, UUID id, String source, String type, String summary, List<FieldChange> changes,
		UUID actorId, String url) {

	public TimelineEntry {
		changes = changes == null ? List.of() : List.copyOf(changes);
	}

	public TimelineCursor cursor() {
		return new TimelineCursor(this.at, this.id);
	}

}
