package dev.bellwether.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.RecordReadChecks;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.web.PageRequests;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;

/**
 * Reads field history: a record's, newest first, or everything one user changed. Does not
 * check visibility — the caller has checked that the viewer may read the record (pages
 * and API of this module ask {@link RecordReadChecks}).
 */
@Service
@Transactional(readOnly = true)
public class FieldHistory {

	private static final Map<String, String> SORTABLE = Map.of("changedAt", "h.changed_at");

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "changedAt");

	private static final PagedQuery PAGED = new PagedQuery("select h.* from field_history h", "from field_history h");

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final RecordReadChecks records;

	FieldHistory(JdbcClient jdbc, UserDirectory users, RecordReadChecks records) {
		this.jdbc = jdbc;
		this.users = users;
		this.records = records;
	}

	/**
	 * The record's history, newest first (or as sorted by {@code changedAt}); the fields
	 * of one change in the order the owning module compared them.
	 */
	public Page<FieldHistoryEntry> of(String recordType, UUID recordId, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("recordType", recordType);
		params.put("recordId", recordId);
		return fetch("h.record_type = :recordType and h.record_id = :recordId", params, pageable);
	}

	/**
	 * Every change the user made, to records of any type, newest first.
	 */
	public Page<FieldHistoryEntry> by(UUID userId, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("userId", userId);
		return fetch("h.changed_by = :userId", params, pageable);
	}

	private Page<FieldHistoryEntry> fetch(String where, Map<String, Object> params, Pageable pageable) {
		String order = PageRequests.orderBy(pageable.getSortOr(NEWEST_FIRST), SORTABLE, "history", "h.id");
		Page<Row> rows = PAGED.fetch(this.jdbc, where, params, order, pageable, FieldHistory::row);
		return new PageImpl<>(describe(rows.getContent()), pageable, rows.getTotalElements());
	}

	/**
	 * Rows with names: who changed them, and the referenced records' names where every
	 * user may see them.
	 */
	List<FieldHistoryEntry> describe(List<Row> rows) {
		Map<UUID, String> actors = this.users.namesOf(rows.stream()
			.map(Row::changedBy)
			.filter(Objects::nonNull)
			.collect(HashSet::new, Set::add, Set::addAll));
		References references = references(rows);
		List<FieldHistoryEntry> entries = new ArrayList<>(rows.size());
		for (Row row : rows) {
			String label = row.field() == null ? FieldLabels.of(row.kind()) : FieldLabels.of(row.field());
			entries.add(new FieldHistoryEntry(row.id(), row.recordType(), row.recordId(), row.kind(), row.field(),
					label, row.oldValue(), row.newValue(), references.text(row, row.oldValue()),
					references.text(row, row.newValue()), row.changedBy(), actors.get(row.changedBy()),
					row.changedAt()));
		}
		return entries;
	}

	References references(Collection<Row> rows) {
		Map<String, Set<UUID>> wanted = new HashMap<>();
		Map<String, Map<String, String>> fieldsByType = new HashMap<>();
		for (Row row : rows) {
			if (row.field() == null) {
				continue;
			}
			String target = fieldsByType.computeIfAbsent(row.recordType(), this.records::referenceFields)
				.get(row.field());
			if (target != null) {
				Set<UUID> ids = wanted.computeIfAbsent(target, t -> new HashSet<>());
				addId(ids, row.oldValue());
				addId(ids, row.newValue());
			}
		}
		Map<String, Map<UUID, String>> names = new HashMap<>();
		wanted.forEach((type, ids) -> names.put(type, this.records.publicNamesOf(type, ids)));
		return new References(fieldsByType, names);
	}

	private static void addId(Set<UUID> ids, String value) {
		UUID id = uuid(value);
		if (id != null) {
			ids.add(id);
		}
	}

	static UUID uuid(String value) {
		if (value == null || value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The names of the records some rows refer to.
	 */
	record References(Map<String, Map<String, String>> fieldsByType, Map<String, Map<UUID, String>> names) {

		String text(Row row, String value) {
			if (row.field() == null) {
				return value;
			}
			String target = this.fieldsByType.getOrDefault(row.recordType(), Map.of()).get(row.field());
			UUID id = target == null ? null : uuid(value);
			if (id == null) {
				return value;
			}
			return this.names.getOrDefault(target, Map.of()).getOrDefault(id, value);
		}

	}

	/**
	 * A field_history row as stored.
	 */
	record Row(UUID id, String recordType, UUID recordId, ChangeKind kind, String field, String oldValue,
			String newValue, UUID changedBy, Instant changedAt) {

	}

	static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("record_type"),
				rs.getObject("record_id", UUID.class), ChangeKind.valueOf(rs.getString("change_kind")),
				rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"),
				rs.getObject("changed_by", UUID.class), instant(rs, "changed_at"));
	}

}
