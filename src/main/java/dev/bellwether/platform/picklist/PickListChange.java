package dev.bellwether.platform.picklist;

import java.time.Instant;
import java.util.UUID;

/**
 * One change an administrator made to a pick list, as the admin page lists them.
 */
public record PickListChange(String list, String key, Kind kind, String oldLabel, String newLabel, Instant at,
		UUID by) {

	public enum Kind {

		ADDED, RENAMED, RETIRED, RESTORED, MOVED

	}

}
