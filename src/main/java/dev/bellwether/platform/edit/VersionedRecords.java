package dev.bellwether.platform.edit;

import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.InvalidInputException;

/**
 * A record type's service as inline edit and bulk changes drive it (see
 * {@link VersionedRecordEditing}): read a record the user may see, save its details as a
 * whole with the version they were based on, move it to the recycle bin and back. Each
 * module implements it with its own rules, rights and history.
 *
 * @param <V> who acts, as the module knows them
 * @param <R> the record as stored
 * @param <D> its details
 */
public interface VersionedRecords<V, R extends EditedRecord<D>, D extends Record> {

	/** The record, if the user may see it (not found otherwise). */
	R get(V viewer, UUID id);

	R update(V viewer, UUID id, long expectedVersion, D details);

	/**
	 * Saves the details and custom values (a key not sent keeps its value). A record type
	 * with custom fields overrides it; one without saves the details alone and refuses a
	 * custom value by name, as it refuses any field it does not have.
	 */
	default R update(V viewer, UUID id, long expectedVersion, D details, Map<String, ?> custom) {
		if (custom != null && !custom.isEmpty()) {
			String key = custom.keySet().iterator().next();
			throw new InvalidInputException("cf." + key, "This record type has no field 'cf." + key + "'.");
		}
		return update(viewer, id, expectedVersion, details);
	}

	void delete(V viewer, UUID id);

	R restore(V viewer, UUID id);

}
