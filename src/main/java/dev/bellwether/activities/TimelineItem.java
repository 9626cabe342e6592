package dev.bellwether.activities;

import dev.bellwether.platform.timeline.TimelineEntry;

/**
 * A timeline entry with the name of who did it, as pages and the API show it.
 */
public record TimelineItem(TimelineEntry entry, String actorName) {

	/**
	 * @return the Bootstrap icon class pages show the entry with
	 */
	public String icon() {
		if (ActivityTimelineSource.SOURCE.equals(this.entry.source())) {
			for (ActivityKind kind : ActivityKind.values()) {
				if (kind.name().equals(this.entry.type())) {
					return kind.icon();
				}
			}
		}
		if ("stage-history".equals(this.entry.source())) {
			return "bi-signpost-split";
		}
		return "bi-pencil-square";
	}

}
