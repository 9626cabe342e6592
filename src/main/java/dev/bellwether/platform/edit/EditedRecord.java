package dev.bellwether.platform.edit;

import java.time.Instant;
import java.util.UUID;

import dev.bellwether.platform.customfield.CustomValues;

/**
 * A record as stored, as inline edit and bulk changes read it: its details (what a form
 * or the API sends), its version, and who saved it last and when.
 *
 * @param <D> its details
 */
public interface EditedRecord<D extends Record> {

	UUID id();

	D details();

	long version();

	UUID updatedBy();

	Instant updatedAt();

	/** Its custom values, for a record type that has custom fields. */
	default CustomValues customFields() {
		return CustomValues.NONE;
	}

}
