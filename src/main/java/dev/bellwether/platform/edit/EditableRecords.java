package dev.bellwether.platform.edit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a module offers for inline edit and bulk changes of one record type it owns (see
 * {@link RecordEditing} for the usual implementation). Every method checks the acting
 * user's rights on the record as the module's own pages and API do, and changes go
 * through the module's own update, so field and stage history are recorded as for any
 * other change.
 */
public interface EditableRecords {

	/** The record type, e.g. {@code opportunity}. */
	String recordType();

	/** The record type in paths, e.g. {@code opportunities}. */
	String collection();

	/** The fields that can be changed one at a time, with their choices. */
	List<EditableField> fields();

	/**
	 * @throws dev.bellwether.platform.RecordNotFoundException when the record does not
	 * exist or the user may not see it
	 * @throws dev.bellwether.platform.InvalidInputException for a field that is not
	 * editable
	 */
	FieldValue read(UUID actorId, UUID recordId, String field);

	/**
	 * Changes one field, if the record is still at {@code version}.
	 * @param value the new value as text (see {@link FieldValue#value()}); blank for
	 * empty
	 * @throws dev.bellwether.platform.InvalidInputException when the value is not valid
	 * @throws dev.bellwether.platform.StaleRecordException when the record has changed
	 * @throws dev.bellwether.platform.ForbiddenException when the user may not change it
	 */
	FieldValue write(UUID actorId, UUID recordId, String field, String value, long version);

	/**
	 * Changes one field of many records to the same value, each at its current version: a
	 * module may do it set-based (one statement for the records, their history in a
	 * batch) where {@link #write} would take a round of statements per record.
	 * @param versions the version each record must still be at (a record at another is
	 * {@code SKIPPED}, naming who changed it), or {@code null} for whatever version it is
	 * at
	 * @param reason the reason given with the value, for a field that asks for one with
	 * it ({@link EditableField#reason()}), or {@code null}
	 * @return one result per record, in the order given
	 * @throws dev.bellwether.platform.InvalidInputException when the value or the reason
	 * is not valid for any record
	 */
	List<RecordWrite> writeAll(UUID actorId, List<UUID> recordIds, String field, String value, String reason,
			List<Long> versions);

	/** Moves the record to the recycle bin, with the module's own rules. */
	void moveToRecycleBin(UUID actorId, UUID recordId);

	/** Brings the record back from the recycle bin. */
	void restore(UUID actorId, UUID recordId);

	/**
	 * @return the names of those of the records the user may see
	 */
	Map<UUID, String> namesOf(UUID actorId, Collection<UUID> recordIds);

	/**
	 * The ids of the records the user may see that match a list's filters, as its page
	 * takes them from the address, in the list's order.
	 * @param limit at most this many
	 */
	List<UUID> matching(UUID actorId, Map<String, String> filters, int limit);

}
