package dev.bellwether.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.RecordChanged;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

	private static final String INSERT = """
			insert into field_history (id, record_type, record_id, change_kind, field, old_value, new_value,
			  changed_by, changed_at)
			values (:id, :recordType, :recordId, :kind, :field, :oldValue, :newValue, :changedBy, :changedAt)
			on conflict (id) do nothing
			""";

	/** As many fields as the sequence part of a derived id can order. */
	private static final int MAX_FIELDS = 4096;

	private final NamedParameterJdbcTemplate jdbc;

	FieldHistoryRecorder(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(RecordChanged event) {
		record(event);
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
		List<FieldChange> rows = changes.isEmpty() ? java.util.Collections.singletonList(null) : changes;
		List<MapSqlParameterSource> batch = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			FieldChange change = rows.get(i);
			batch.add(new MapSqlParameterSource().addValue("id", rowId(event, i, change))
				.addValue("recordType", event.recordType())
				.addValue("recordId", event.recordId())
				.addValue("kind", event.kind().name())
				.addValue("field", change == null ? null : change.field())
				.addValue("oldValue", change == null ? null : change.oldValue())
				.addValue("newValue", change == null ? null : change.newValue())
				.addValue("changedBy", event.actorId())
				.addValue("changedAt", utc(event.at())));
		}
		int written = 0;
		for (int count : this.jdbc.batchUpdate(INSERT, batch.toArray(MapSqlParameterSource[]::new))) {
			written += Math.max(count, 0);
		}
		return written;
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
