package dev.bellwether.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.timeline.TimelineCursor;
import dev.bellwether.platform.timeline.TimelineEntry;
import dev.bellwether.platform.timeline.TimelineSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Field history in record timelines (source {@code field-history}): one entry per change
 * — the rows one event wrote, i.e. the same time, person and kind — with a summary such
 * as "Updated phone, website" and each field's old and new value. In the entries'
 * changes, fields are labelled for people ("Billing city") and references show names
 * where every user may see them. The entry's id is the smallest row id of the change, so
 * keyset paging over (at, id) is stable.
 * <p>
 * A deal's stage history is shown on its timeline by the sales module (creation, stage,
 * amount, close date, probability, forecast category); those rows are left out here, in
 * the query itself so that paging stays exact, rather than shown twice.
 */
@Component
@Transactional(readOnly = true)
class FieldHistoryTimeline implements TimelineSource {

	static final String SOURCE = "field-history";

	private static final String ENTRY_ID = "(array_agg(h.id order by h.id))[1]";

	/** What another timeline source already shows, by record type. */
	private static final String SHOWN_ELSEWHERE = " and not (h.record_type = 'opportunity' and (h.change_kind = 'CREATED'"
			+ " or h.field in ('stage', 'amount', 'closeDate', 'probability', 'forecastCategory')))";

	private final JdbcClient jdbc;

	private final FieldHistory history;

	FieldHistoryTimeline(JdbcClient jdbc, FieldHistory history) {
		this.jdbc = jdbc;
		this.history = history;
	}

	@Override
	public List<TimelineEntry> entries(String recordType, UUID recordId, TimelineCursor before, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		String sql = "select h.changed_at, h.changed_by, h.change_kind, " + ENTRY_ID + " as entry_id, "
				+ "array_agg(h.id order by h.id) as ids, array_agg(h.field order by h.id) as fields, "
				+ "array_agg(h.old_value order by h.id) as old_values, "
				+ "array_agg(h.new_value order by h.id) as new_values "
				+ "from field_history h where h.record_type = :recordType and h.record_id = :recordId" + SHOWN_ELSEWHERE
				+ (before == null ? "" : " and h.changed_at <= :beforeAt")
				+ " group by h.changed_at, h.changed_by, h.change_kind"
				+ (before == null ? "" : " having (h.changed_at, " + ENTRY_ID + ") < (:beforeAt, :beforeId)")
				+ " order by h.changed_at desc, entry_id desc limit :limit";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("recordType", recordType)
			.param("recordId", recordId)
			.param("limit", limit);
		if (before != null) {
			statement = statement.param("beforeAt", utc(before.at())).param("beforeId", before.id());
		}
		List<Change> changes = statement.query((rs, n) -> change(recordType, recordId, rs)).list();
		List<FieldHistory.Row> rows = changes.stream().flatMap(c -> c.rows().stream()).toList();
		FieldHistory.References references = this.history.references(rows);
		List<TimelineEntry> entries = new ArrayList<>(changes.size());
		for (Change change : changes) {
			List<FieldChange> fields = change.rows()
				.stream()
				.filter(row -> row.field() != null)
				.map(row -> new FieldChange(FieldLabels.of(row.field()), references.text(row, row.oldValue()),
						references.text(row, row.newValue())))
				.toList();
			List<String> names = change.rows().stream().map(FieldHistory.Row::field).filter(f -> f != null).toList();
			entries.add(new TimelineEntry(change.at(), change.id(), SOURCE, change.kind().name(),
					FieldLabels.summary(change.kind(), names), fields, change.actorId(), null));
		}
		return entries;
	}

	private static Change change(String recordType, UUID recordId, ResultSet rs) throws SQLException {
		Instant at = instant(rs, "changed_at");
		UUID actor = rs.getObject("changed_by", UUID.class);
		ChangeKind kind = ChangeKind.valueOf(rs.getString("change_kind"));
		UUID[] ids = (UUID[]) array(rs.getArray("ids"));
		String[] fields = (String[]) array(rs.getArray("fields"));
		String[] oldValues = (String[]) array(rs.getArray("old_values"));
		String[] newValues = (String[]) array(rs.getArray("new_values"));
		List<FieldHistory.Row> rows = new ArrayList<>(ids.length);
		for (int i = 0; i < ids.length; i++) {
			rows.add(new FieldHistory.Row(ids[i], recordType, recordId, kind, fields[i], oldValues[i], newValues[i],
					actor, at));
		}
		return new Change(at, rs.getObject("entry_id", UUID.class), actor, kind, rows);
	}

	private static Object array(Array array) throws SQLException {
		try {
			return array.getArray();
		}
		finally {
			array.free();
		}
	}

	private record Change(Instant at, UUID id, UUID actorId, ChangeKind kind, List<FieldHistory.Row> rows) {

	}

}
