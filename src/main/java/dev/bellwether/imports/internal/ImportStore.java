package dev.bellwether.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.imports.ImportJob;
import dev.bellwether.imports.ImportJob.Status;
import dev.bellwether.imports.ImportSettings;
import dev.bellwether.imports.ImportTarget;
import dev.bellwether.platform.Ids;
import tools.jackson.core.type.TypeReference;
import dev.bellwether.platform.db.CopyRows;
import org.postgresql.PGConnection;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * The imports module's tables: jobs, their files, what each row did, remembered value
 * mappings.
 */
@Component
public class ImportStore {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	ImportStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** The size of the parts an uploaded file is kept in. */
	public static final int PART_SIZE = 1 << 20;

	/**
	 * Keeps the job and its file (small: the bulk API's records).
	 */
	public void insert(ImportJob job, byte[] content) {
		for (int part = 0; part * PART_SIZE < content.length; part++) {
			int from = part * PART_SIZE;
			insertPart(job.id(), part,
					java.util.Arrays.copyOfRange(content, from, Math.min(content.length, from + PART_SIZE)));
		}
		insert(job);
	}

	/**
	 * Keeps the job; its file is kept in parts ({@link #insertPart}), before or after in
	 * the same transaction.
	 */
	public void insert(ImportJob job) {
		this.jdbc
			.sql("""
					insert into import_jobs (id, target, file_name, file_format, sheet, file_size, headers, settings, status,
					  total_rows, created_at, created_by, updated_at, updated_by, version)
					values (:id, :target, :fileName, :format, :sheet, :size, cast(:headers as jsonb), cast(:settings as jsonb),
					  'DRAFT', :total, :now, :actor, :now, :actor, 0)
					""")
			.param("id", job.id())
			.param("target", job.target().name())
			.param("fileName", job.fileName())
			.param("format", job.fileFormat())
			.param("sheet", job.sheet())
			.param("size", job.fileSize())
			.param("headers", JSON.writeValueAsString(job.headers()))
			.param("settings", JSON.writeValueAsString(job.settings()))
			.param("total", job.total())
			.param("now", utc(job.createdAt()))
			.param("actor", job.createdBy())
			.update();
	}

	/** Keeps one part of an import's file (parts are numbered from 0). */
	public void insertPart(UUID importId, int part, byte[] content) {
		this.jdbc.sql("insert into import_file_parts (import_id, part, content) values (:id, :part, :content)")
			.param("id", importId)
			.param("part", part)
			.param("content", content)
			.update();
	}

	public Optional<ImportJob> find(UUID id) {
		return this.jdbc.sql("select * from import_jobs where id = :id")
			.param("id", id)
			.query(ImportStore::map)
			.optional();
	}

	public List<ImportJob> list(UUID createdBy, int limit) {
		return this.jdbc
			.sql("select * from import_jobs where (cast(:by as uuid) is null or created_by = :by)"
					+ " order by created_at desc, id desc limit :limit")
			.param("by", createdBy)
			.param("limit", limit)
			.query(ImportStore::map)
			.list();
	}

	/**
	 * @return the import's file, read a part at a time as the stream is read
	 */
	public InputStream content(UUID id) {
		return new PartsStream(id);
	}

	/** An import's file, its parts fetched one after the other. */
	private final class PartsStream extends InputStream {

		private final UUID importId;

		private int next;

		private byte[] part = new byte[0];

		private int position;

		private boolean ended;

		PartsStream(UUID importId) {
			this.importId = importId;
		}

		@Override
		public int read() {
			return fill() ? this.part[this.position++] & 0xFF : -1;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(length, this.part.length - this.position);
			System.arraycopy(this.part, this.position, buffer, offset, n);
			this.position += n;
			return n;
		}

		private boolean fill() {
			while (!this.ended && this.position == this.part.length) {
				Optional<byte[]> fetched = ImportStore.this.jdbc
					.sql("select content from import_file_parts where import_id = :id and part = :part")
					.param("id", this.importId)
					.param("part", this.next++)
					.query(byte[].class)
					.optional();
				this.ended = fetched.isEmpty();
				this.part = fetched.orElse(new byte[0]);
				this.position = 0;
			}
			return !this.ended;
		}

	}

	/**
	 * @return whether the job was a draft at the version and now has the settings
	 */
	public boolean saveSettings(UUID id, long version, ImportSettings settings, UUID actor, Instant now) {
		return this.jdbc.sql("""
				update import_jobs set settings = cast(:settings as jsonb), updated_at = :now, updated_by = :actor,
				  version = version + 1
				where id = :id and version = :version and status = 'DRAFT'
				""")
			.param("settings", JSON.writeValueAsString(settings))
			.param("now", utc(now))
			.param("actor", actor)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/**
	 * Moves the job from one status to another.
	 * @return whether it was in the status {@code from}
	 */
	public boolean transition(UUID id, Status from, Status to, UUID actor, Instant now) {
		return this.jdbc.sql("""
				update import_jobs set status = :to, updated_at = :now, updated_by = :actor, version = version + 1,
				  started_at = case when :to = 'RUNNING' then :now else started_at end,
				  finished_at = case when :to in ('COMPLETED', 'FAILED', 'CANCELLED') then :now else finished_at end,
				  undone_at = case when :to = 'UNDONE' then :now else undone_at end,
				  undone_by = case when :to = 'UNDOING' then :actor else undone_by end,
				  processed = case when :to in ('RUNNING', 'UNDOING') then 0 else processed end,
				  cancel_requested = case when :to in ('RUNNING', 'UNDOING') then false else cancel_requested end
				where id = :id and status = :from
				""")
			.param("from", from.name())
			.param("to", to.name())
			.param("now", utc(now))
			.param("actor", actor)
			.param("id", id)
			.update() == 1;
	}

	public void fail(UUID id, Status to, String failure, Instant now) {
		this.jdbc.sql("""
				update import_jobs set status = :to, failure = :failure, finished_at = :now, updated_at = :now,
				  version = version + 1 where id = :id
				""").param("to", to.name()).param("failure", failure).param("now", utc(now)).param("id", id).update();
	}

	public void progress(UUID id, int processed, Counts counts, Instant now) {
		this.jdbc
			.sql("""
					update import_jobs set updated_at = :now, processed = :processed, created_count = :created, updated_count = :updated,
					  skipped_count = :skipped, rejected_count = :rejected, undone_count = :undone, kept_count = :kept
					where id = :id
					""")
			.param("processed", processed)
			.param("created", counts.created)
			.param("updated", counts.updated)
			.param("skipped", counts.skipped)
			.param("rejected", counts.rejected)
			.param("undone", counts.undone)
			.param("kept", counts.kept)
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

	public boolean cancelRequested(UUID id) {
		return this.jdbc.sql("select cancel_requested from import_jobs where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	public boolean requestCancel(UUID id) {
		return this.jdbc
			.sql("update import_jobs set cancel_requested = true where id = :id and status in ('QUEUED', 'RUNNING')")
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Jobs left running or queued by a node that stopped (nothing moved them on since
	 * {@code before}): they failed, keeping what they wrote (an undo left half done can
	 * be started again).
	 */
	public int markInterrupted(Instant now, Instant before) {
		return this.jdbc.sql("""
				update import_jobs set status = case when status = 'UNDOING' then 'COMPLETED' else 'FAILED' end,
				  failure = 'Bellwether stopped while the import ran; what it wrote is kept and can be undone.',
				  finished_at = :now, updated_at = :now, version = version + 1
				where status in ('QUEUED', 'RUNNING', 'UNDOING') and updated_at < :before
				""").param("now", utc(now)).param("before", utc(before)).update();
	}

	/** What happened to one record (or one refused row). */
	public record Outcome(long row, String recordType, String outcome, UUID recordId, Long writtenVersion,
			String before, String message) {
	}

	/** Refreshes the planner's statistics of the outcome rows (see ImportRunner). */
	public void refreshStatistics() {
		dev.bellwether.platform.db.Statistics.refresh(this.batch.getJdbcTemplate(), "import_rows");
	}

	/**
	 * Keeps what each row did, with one COPY (a chunk's outcomes are as many rows again
	 * as the records it writes).
	 */
	public void record(UUID importId, List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		CopyRows rows = new CopyRows("import_rows",
				"id, import_id, row_number, record_type, outcome, record_id, written_version, before_values, message");
		for (Outcome o : outcomes) {
			rows.uuid(nextRowId())
				.uuid(importId)
				.integer(o.row())
				.text(o.recordType())
				.text(o.outcome())
				.uuid(o.recordId());
			if (o.writtenVersion() == null) {
				rows.nul();
			}
			else {
				rows.integer(o.writtenVersion().longValue());
			}
			rows.text(o.before()).text(o.message()).endRow();
		}
		this.batch.getJdbcTemplate().execute((ConnectionCallback<Long>) connection -> {
			try {
				return rows.copyTo(connection.unwrap(PGConnection.class).getCopyAPI());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * Amends what the report says of a record the import wrote, after its row was
	 * recorded: the version it was last written at (for the undo), and a note.
	 * @param writtenVersion the new version, or {@code null} to keep it
	 * @param note added to the row's message, or {@code null}
	 */
	public void amend(UUID importId, UUID recordId, Long writtenVersion, String note) {
		this.jdbc
			.sql("""
					update import_rows set written_version = coalesce(:version, written_version),
					  message = case when cast(:note as text) is null then message else concat_ws(' ', message, cast(:note as text)) end
					where import_id = :importId and record_id = :recordId and outcome in ('CREATED', 'UPDATED')
					""")
			.param("version", writtenVersion)
			.param("note", note)
			.param("importId", importId)
			.param("recordId", recordId)
			.update();
	}

	private UUID lastRowId;

	/**
	 * @return an id after every one given before: the undo takes the rows out latest
	 * first, by id — the row's own record before the account created with it, recorded
	 * just before it (time-ordered ids alone are in no order within a millisecond)
	 */
	private synchronized UUID nextRowId() {
		UUID id = Ids.newId();
		if (this.lastRowId != null && id.compareTo(this.lastRowId) <= 0) {
			long lsb = this.lastRowId.getLeastSignificantBits();
			// the 62 random bits of the second half, one up (or the first half's, when
			// they are all ones)
			id = (lsb & 0x3FFFFFFFFFFFFFFFL) == 0x3FFFFFFFFFFFFFFFL
					? new UUID(this.lastRowId.getMostSignificantBits() + 1, 0x8000000000000000L)
					: new UUID(this.lastRowId.getMostSignificantBits(), lsb + 1);
		}
		this.lastRowId = id;
		return id;
	}

	/** A record the import wrote, for its undo. */
	public record Written(UUID id, long row, String recordType, String outcome, UUID recordId, long writtenVersion,
			String before) {
	}

	/**
	 * @return the records the import created or updated, the latest first (what was
	 * created with a row — its account — after the row's own record), a page at a time
	 * @param before the id of the last record of the page before, or {@code null} for the
	 * first page
	 */
	public List<Written> written(UUID importId, UUID before, int limit) {
		return this.jdbc.sql("""
				select id, row_number, record_type, outcome, record_id, written_version, before_values from import_rows
				where import_id = :id and outcome in ('CREATED', 'UPDATED')
				  and (cast(:before as uuid) is null or id < :before)
				order by id desc limit :limit
				""")
			.param("id", importId)
			.param("before", before)
			.param("limit", limit)
			.query((rs, n) -> new Written(rs.getObject("id", UUID.class), rs.getInt("row_number"),
					rs.getString("record_type"), rs.getString("outcome"), rs.getObject("record_id", UUID.class),
					rs.getLong("written_version"), rs.getString("before_values")))
			.list();
	}

	public void undoOutcome(UUID rowId, String outcome, String message) {
		this.jdbc.sql("update import_rows set outcome = :outcome, message = :message where id = :id")
			.param("outcome", outcome)
			.param("message", message)
			.param("id", rowId)
			.update();
	}

	/** Marks the rows undone, with one statement. */
	public void undone(java.util.Collection<UUID> rowIds) {
		if (rowIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("update import_rows set outcome = 'UNDONE', message = null where id = any(cast(:ids as uuid[]))")
			.param("ids",
					rowIds.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.update();
	}

	/** A line of the result report. */
	public record ReportLine(long row, String recordType, String outcome, UUID recordId, String message) {
	}

	public void report(UUID importId, java.util.function.Consumer<ReportLine> each) {
		this.jdbc.sql("""
				select row_number, record_type, outcome, record_id, message from import_rows where import_id = :id
				order by row_number, id
				""")
			.param("id", importId)
			.query((rs, n) -> new ReportLine(rs.getInt("row_number"), rs.getString("record_type"),
					rs.getString("outcome"), rs.getObject("record_id", UUID.class), rs.getString("message")))
			.stream()
			.forEach(each);
	}

	/**
	 * @return per field, source value (lower case) to what it was mapped to last time
	 */
	public Map<String, Map<String, String>> rememberedValues(ImportTarget target) {
		Map<String, Map<String, String>> remembered = new HashMap<>();
		this.jdbc.sql("select field, source_value, target_value from import_value_mappings where target = :target")
			.param("target", target.name())
			.query((rs, n) -> remembered.computeIfAbsent(rs.getString("field"), f -> new HashMap<>())
				.put(rs.getString("source_value"), rs.getString("target_value")))
			.list();
		return remembered;
	}

	public void remember(ImportTarget target, Map<String, Map<String, String>> values, UUID actor, Instant now) {
		List<MapSqlParameterSource> rows = new ArrayList<>();
		values.forEach((field, mapped) -> mapped.forEach((source, value) -> {
			if (source != null && value != null && !source.isBlank() && !value.isBlank() && source.length() <= 255
					&& value.length() <= 255) {
				rows.add(new MapSqlParameterSource().addValue("target", target.name())
					.addValue("field", field)
					.addValue("source", source.trim().toLowerCase(Locale.ROOT))
					.addValue("value", value)
					.addValue("now", utc(now))
					.addValue("actor", actor));
			}
		}));
		if (!rows.isEmpty()) {
			this.batch.batchUpdate(
					"""
							insert into import_value_mappings (target, field, source_value, target_value, updated_at, updated_by)
							values (:target, :field, :source, :value, :now, :actor)
							on conflict (target, field, source_value) do update set target_value = excluded.target_value,
							  updated_at = excluded.updated_at, updated_by = excluded.updated_by
							""",
					rows.toArray(MapSqlParameterSource[]::new));
		}
	}

	/**
	 * Saves the settings under the name (replacing a template of that name).
	 */
	public void saveTemplate(ImportTarget target, String name, ImportSettings settings, UUID actor, Instant now) {
		this.jdbc
			.sql("""
					insert into import_templates (id, target, name, settings, created_at, created_by, updated_at, updated_by)
					values (:id, :target, :name, cast(:settings as jsonb), :now, :actor, :now, :actor)
					on conflict (target, lower(name)) do update set settings = excluded.settings, name = excluded.name,
					  updated_at = excluded.updated_at, updated_by = excluded.updated_by,
					  version = import_templates.version + 1
					""")
			.param("id", Ids.newId())
			.param("target", target.name())
			.param("name", name)
			.param("settings", JSON.writeValueAsString(settings))
			.param("now", utc(now))
			.param("actor", actor)
			.update();
	}

	public List<dev.bellwether.imports.ImportTemplate> templates(ImportTarget target) {
		return this.jdbc.sql("select * from import_templates where target = :target order by lower(name)")
			.param("target", target.name())
			.query((rs, n) -> new dev.bellwether.imports.ImportTemplate(rs.getObject("id", UUID.class), target,
					rs.getString("name"), JSON.readValue(rs.getString("settings"), ImportSettings.class),
					instant(rs, "updated_at"), rs.getObject("updated_by", UUID.class)))
			.list();
	}

	public boolean deleteTemplate(UUID id) {
		return this.jdbc.sql("delete from import_templates where id = :id").param("id", id).update() == 1;
	}

	/** Running totals of a run. */
	public static final class Counts {

		public int created;

		public int updated;

		public int skipped;

		public int rejected;

		public int undone;

		public int kept;

	}

	static ImportJob map(ResultSet rs, int row) throws SQLException {
		return new ImportJob(rs.getObject("id", UUID.class), ImportTarget.valueOf(rs.getString("target")),
				rs.getString("file_name"), rs.getString("file_format"), rs.getString("sheet"), rs.getLong("file_size"),
				JSON.readValue(rs.getString("headers"), new TypeReference<List<String>>() {
				}), JSON.readValue(rs.getString("settings"), ImportSettings.class),
				Status.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("processed"),
				rs.getInt("created_count"), rs.getInt("updated_count"), rs.getInt("skipped_count"),
				rs.getInt("rejected_count"), rs.getInt("undone_count"), rs.getInt("kept_count"),
				rs.getBoolean("cancel_requested"), rs.getString("failure"), instant(rs, "started_at"),
				instant(rs, "finished_at"), instant(rs, "undone_at"), instant(rs, "created_at"),
				rs.getObject("created_by", UUID.class), rs.getLong("version"));
	}

}
