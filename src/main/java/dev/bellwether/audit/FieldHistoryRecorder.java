package dev.bellwether.audit;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.FieldValueReplaced;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordsChanged;
import dev.bellwether.platform.SqlArrays;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Writes field history from the {@link RecordChanged} events every module publishes:
 * asynchronously, after the change has committed, through the event publication registry
 * (an event whose handling failed or was cut short is published again on restart).
 * <p>
 * One row per changed field; one row without a field for a change that has none (moved to
 * or restored from the recycle bin, purged, created without any field set). An update
 * without changes writes nothing. Row ids are derived from the event, so an event handled
 * twice — written, then the process stopped before the publication was marked complete —
 * writes no second copy.
 */
@Component
class FieldHistoryRecorder {

	private static final String COLUMNS = """
			insert into field_history (id, record_type, record_id, change_kind, field, old_value, new_value,
			  changed_by, changed_at) values
			""";

	/** As many fields as the sequence part of a derived id can order. */
	private static final int MAX_FIELDS = 4096;

	private final JdbcClient jdbc;

	FieldHistoryRecorder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(RecordChanged event) {
		record(event);
	}

	/**
	 * A set-based change of many records (a bulk change), in one transaction.
	 */
	@ApplicationModuleListener
	void on(RecordsChanged event) {
		event.changes().forEach(this::record);
	}

	/**
	 * Records that followed a renamed value: one row each, in one statement, in the
	 * transaction of the owning module's update (a plain listener, called as the event is
	 * published), so that the records and their history commit or fail together.
	 */
	@EventListener
	void on(FieldValueReplaced event) {
		if (event.recordIds().isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into field_history (id, record_type, record_id, change_kind, field, old_value, new_value,
				  changed_by, changed_at)
				select t.id, :recordType, t.record_id, :kind, :field, :oldValue, :newValue, :changedBy, :changedAt
				from unnest(cast(:ids as uuid[]), cast(:recordIds as uuid[])) as t(id, record_id)
				""")
			.param("recordType", event.recordType())
			.param("kind", ChangeKind.UPDATED.name())
			.param("field", event.field())
			.param("oldValue", event.oldValue())
			.param("newValue", event.newValue())
			.param("changedBy", event.actorId())
			.param("changedAt", utc(event.at()))
			.param("ids", SqlArrays.of(event.recordIds().stream().map(id -> Ids.newId()).toList()))
			.param("recordIds", SqlArrays.of(event.recordIds()))
			.update();
	}

	/**
	 * @return how many rows were new (0 when the event had been recorded already)
	 */
	@Transactional
	int record(RecordChanged event) {
		List<FieldChange> changes = event.changes();
		if (changes.isEmpty() && event.kind() == ChangeKind.UPDATED) {
			return 0;
		}
		if (changes.size() > MAX_FIELDS) {
			throw new IllegalArgumentException("A change of " + changes.size() + " fields of " + event.recordType()
					+ " " + event.recordId() + "; field history keeps at most " + MAX_FIELDS + " per change");
		}
		List<FieldChange> rows = changes.isEmpty() ? Collections.singletonList(null) : changes;
		// One statement for all rows: the count it reports is exact (a JDBC batch may
		// report
		// "no info" per row).
		StringBuilder sql = new StringBuilder(COLUMNS);
		Map<String, Object> params = new HashMap<>();
		params.put("recordType", event.recordType());
		params.put("recordId", event.recordId());
		params.put("kind", event.kind().name());
		params.put("changedBy", event.actorId());
		params.put("changedAt", utc(event.at()));
		for (int i = 0; i < rows.size(); i++) {
			FieldChange change = rows.get(i);
			sql.append(i == 0 ? "" : ", ")
				.append("(:id%1$d, :recordType, :recordId, :kind, :field%1$d, :old%1$d, :new%1$d, :changedBy, :changedAt)"
					.formatted(i));
			params.put("id" + i, rowId(event, i, change));
			params.put("field" + i, change == null ? null : change.field());
			params.put("old" + i, change == null ? null : change.oldValue());
			params.put("new" + i, change == null ? null : change.newValue());
		}
		sql.append(" on conflict (id) do nothing");
		return this.jdbc.sql(sql.toString()).params(params).update();
	}

	/**
	 * The same for the same event and field whenever it is delivered; two events that
	 * differ in anything give different ids.
	 */
	static UUID rowId(RecordChanged event, int index, FieldChange change) {
		StringBuilder key = new StringBuilder();
		part(key, event.recordType());
		part(key, String.valueOf(event.recordId()));
		part(key, event.kind().name());
		part(key, String.valueOf(event.actorId()));
		part(key, event.at().toString());
		if (change != null) {
			part(key, change.field());
			part(key, change.oldValue());
			part(key, change.newValue());
		}
		return Ids.derived(event.at(), index, key.toString());
	}

	/** Length-prefixed, so that no two different lists of parts make the same key. */
	private static void part(StringBuilder key, String value) {
		if (value == null) {
			key.append("-1:");
		}
		else {
			key.append(value.length()).append(':').append(value);
		}
	}

}
