package dev.bellwether.platform.edit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.bellwether.platform.customfield.CustomValues;

/**
 * {@link RecordEditing} for a record type whose service is a {@link VersionedRecords}:
 * everything is read from the record and done through the service, so that the module
 * says only which fields are edited, how its records are named and which of them match a
 * list's filters.
 *
 * @param <V> who acts, as the module knows them
 * @param <R> the record as stored
 * @param <D> its details
 */
public abstract class VersionedRecordEditing<V, R extends EditedRecord<D>, D extends Record>
		extends RecordEditing<V, R, D> {

	private final VersionedRecords<V, R, D> records;

	private final Function<UUID, V> viewers;

	private final Function<Collection<UUID>, Map<UUID, String>> userNames;

	/**
	 * @param records the module's service
	 * @param viewers the acting user by id, as the service takes them
	 * @param userNames users' names by id (who saved a record last)
	 */
	protected VersionedRecordEditing(String recordType, String collection, Class<D> detailsType, List<Spec> fields,
			VersionedRecords<V, R, D> records, Function<UUID, V> viewers,
			Function<Collection<UUID>, Map<UUID, String>> userNames) {
		super(recordType, collection, detailsType, fields);
		this.records = records;
		this.viewers = viewers;
		this.userNames = userNames;
	}

	@Override
	protected V viewer(UUID actorId) {
		return this.viewers.apply(actorId);
	}

	@Override
	protected R get(V viewer, UUID id) {
		return this.records.get(viewer, id);
	}

	@Override
	protected D details(R record) {
		return record.details();
	}

	@Override
	protected CustomValues customValues(R record) {
		return record.customFields();
	}

	@Override
	protected R update(V viewer, UUID id, long version, D details, Map<String, ?> custom) {
		return offersCustomFields() ? this.records.update(viewer, id, version, details, custom)
				: super.update(viewer, id, version, details, custom);
	}

	@Override
	protected R update(V viewer, UUID id, long version, D details) {
		return this.records.update(viewer, id, version, details);
	}

	@Override
	protected long version(R record) {
		return record.version();
	}

	@Override
	protected String lastChangedBy(R record) {
		return this.userNames.apply(List.of(record.updatedBy())).getOrDefault(record.updatedBy(), "someone");
	}

	@Override
	protected Instant lastChangedAt(R record) {
		return record.updatedAt();
	}

	@Override
	protected void delete(V viewer, UUID id) {
		this.records.delete(viewer, id);
	}

	@Override
	protected void restore(V viewer, UUID id) {
		this.records.restore(viewer, id);
	}

}
