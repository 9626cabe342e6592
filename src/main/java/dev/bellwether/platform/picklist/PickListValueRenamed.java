package dev.bellwether.platform.picklist;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator renamed a pick-list value. The module owning the list updates the
 * records that store the old label, so that they follow the rename (lists that store the
 * key need nothing).
 */
public record PickListValueRenamed(String list, String key, String oldLabel, String newLabel, UUID actorId,
		Instant at) {

}
