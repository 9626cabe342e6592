package dev.bellwether.platform.edit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Changes one field of one record (a list cell, a value on a record page), through the
 * {@link EditableRecords} of its module. A change based on a stale version is answered
 * with the field as it is now ({@link FieldConflictException}).
 */
@Service
public class InlineEdit {

	private final Map<String, EditableRecords> byName = new LinkedHashMap<>();

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InlineEdit(ObjectProvider<EditableRecords> recordTypes, ApplicationEventPublisher events, Clock clock) {
		// none in a module test without the modules that own record types
		recordTypes.orderedStream().forEach(type -> {
			this.byName.put(type.recordType(), type);
			this.byName.put(type.collection(), type);
		});
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param name a record type ({@code opportunity}) or its collection
	 * ({@code opportunities})
	 * @throws RecordNotFoundException for a record type nobody edits this way
	 */
	public EditableRecords recordType(String name) {
		EditableRecords type = this.byName.get(name);
		if (type == null) {
			throw new RecordNotFoundException("record type", name);
		}
		return type;
	}

	public List<EditableField> fields(String recordType) {
		return recordType(recordType).fields();
	}

	public FieldValue read(UUID actorId, String recordType, UUID id, String field) {
		return recordType(recordType).read(actorId, id, field);
	}

	/**
	 * @throws FieldConflictException when the record changed since {@code version}
	 */
	public FieldValue edit(UUID actorId, String recordType, UUID id, String field, String value, long version) {
		EditableRecords type = recordType(recordType);
		FieldValue saved;
		try {
			saved = type.write(actorId, id, field, value, version);
		}
		catch (StaleRecordException ex) {
			if (ex instanceof FieldConflictException) {
				throw ex;
			}
			throw new FieldConflictException(type.recordType(), id, version, field, type.read(actorId, id, field));
		}
		this.events.publishEvent(
				new RecordsEdited(type.recordType(), id, UsageKind.INLINE_EDIT, actorId, this.clock.instant(), 1));
		return saved;
	}

}
