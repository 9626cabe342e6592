package dev.bellwether.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.imports.ImportJob.Status;
import dev.bellwether.imports.ImportPreview.Choice;
import dev.bellwether.imports.ImportPreview.Problem;
import dev.bellwether.imports.file.ImportFileException;
import dev.bellwether.imports.file.ImportFileReader;
import dev.bellwether.imports.file.SheetChoice;
import dev.bellwether.imports.file.SourceRow;
import dev.bellwether.imports.file.SourceTable;
import dev.bellwether.imports.internal.ImportRunner;
import dev.bellwether.imports.internal.ImportStore;
import dev.bellwether.imports.internal.RowPlanner;
import dev.bellwether.imports.internal.UploadedFile;
import dev.bellwether.imports.internal.RowPlanner.Context;
import dev.bellwether.imports.internal.RowPlanner.Planned;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.export.CsvExport;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Imports, from the upload of a file to its undo. Sales administrators and administrators
 * import; each sees the imports they started (administrators see all). Nothing is written
 * before {@link #start}: {@link #preview} says what the run would do, row by row, with
 * the same reading of the file as the run.
 */
@Service
public class ImportJobs {

	public static final String RECORD_TYPE = "import";

	private final ImportStore store;

	private final ImportFileReader reader;

	private final RowPlanner planner;

	private final ImportRunner runner;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final CustomFields customFields;

	ImportJobs(ImportStore store, ImportFileReader reader, RowPlanner planner, ImportRunner runner, Clock clock,
			PlatformTransactionManager transactions, CustomFields customFields) {
		this.customFields = customFields;
		this.transactions = new TransactionTemplate(transactions);
		this.store = store;
		this.reader = reader;
		this.planner = planner;
		this.runner = runner;
		this.clock = clock;
	}

	/**
	 * @return the fields a file's columns can fill: the target's own, then its active
	 * custom fields ({@code cf.<key>})
	 */
	public List<ImportField> fields(ImportTarget target) {
		List<ImportField> fields = new ArrayList<>(ImportFields.of(target));
		fields.addAll(customFields(target));
		return fields;
	}

	private List<ImportField> customFields(ImportTarget target) {
		return this.customFields.active(target.recordType()).stream().map(ImportFields::custom).toList();
	}

	/**
	 * @return whether the user may import
	 */
	public static boolean mayImport(Viewer viewer) {
		return viewer.is(Role.SALES_ADMIN) || viewer.isAdmin();
	}

	private static void requireImporter(Viewer viewer) {
		if (!mayImport(viewer)) {
			throw new ForbiddenException("Only sales administrators and administrators import data.");
		}
	}

	/**
	 * @return what the user may import (users: administrators only)
	 */
	public static List<ImportTarget> targets(Viewer viewer) {
		return java.util.Arrays.stream(ImportTarget.values())
			.filter(target -> mayImport(viewer) && (!target.adminOnly() || viewer.isAdmin()))
			.toList();
	}

	private static void requireImporter(Viewer viewer, ImportTarget target) {
		requireImporter(viewer);
		if (target != null && target.adminOnly() && !viewer.isAdmin()) {
			throw new ForbiddenException("Only administrators import " + target.label().toLowerCase(Locale.ROOT)
					+ ": they decide who signs in and who sees what.");
		}
	}

	/**
	 * Keeps the file and reads its header; the columns are mapped by their names.
	 * @param sheet the sheet of a workbook, or {@code null} for the first
	 * @throws InvalidInputException when the file cannot be read (naming why)
	 */
	@Transactional
	public ImportJob upload(Viewer viewer, ImportTarget target, String fileName, byte[] content, String sheet) {
		if (content != null && content.length == 0) {
			content = null;
		}
		return upload(viewer, target, fileName, content == null ? null : new ByteArrayInputStream(content), sheet);
	}

	/**
	 * Keeps the file and reads its header, as it is streamed: the file is kept in parts
	 * as it is read, never whole in memory; the columns are mapped by their names.
	 * @param content the upload, read to its end and closed
	 * @param sheet the sheet of a workbook, or {@code null} for the first
	 * @throws InvalidInputException when the file cannot be read (naming why)
	 */
	@Transactional
	public ImportJob upload(Viewer viewer, ImportTarget target, String fileName, InputStream content, String sheet) {
		requireImporter(viewer, target);
		if (target == null) {
			throw new InvalidInputException("target",
					"Choose what the file holds: accounts, contacts, deals, activities, quotas, users, products or deals' line items.");
		}
		if (content == null) {
			throw new InvalidInputException("file", "Choose a CSV or Excel (.xlsx) file to import.");
		}
		String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.trim();
		if (name.length() > 255) {
			name = name.substring(name.length() - 255);
		}
		SheetChoice choice = sheet == null || sheet.isBlank() ? SheetChoice.first() : SheetChoice.named(sheet.trim());
		UUID id = Ids.newId();
		UploadedFile file = new UploadedFile(content, id, this.store, this.reader.limits().maxFileSize().toBytes());
		List<String> headers;
		String format;
		String sheetName;
		int rows = 0;
		long size;
		try {
			try (SourceTable table = this.reader.read(file, name, choice)) {
				headers = table.header();
				format = table.format().name();
				sheetName = table.sheetName();
				Iterator<SourceRow> all = table.rows().iterator();
				while (all.hasNext()) {
					all.next();
					rows++;
				}
			}
			size = file.finish();
		}
		catch (IOException ex) {
			throw new ImportFileException("The file could not be read; the upload may be incomplete.");
		}
		finally {
			closeQuietly(content);
		}
		if (rows == 0) {
			throw new InvalidInputException("file", "'" + name + "' has a header but no rows to import.");
		}
		Instant now = this.clock.instant();
		ImportJob job = new ImportJob(id, target, name, format, sheetName, size, headers,
				ImportSettings.initial(target, headers, customFields(target)), Status.DRAFT, rows, 0, 0, 0, 0, 0, 0, 0,
				false, null, null, null, null, now, viewer.id(), 0);
		this.store.insert(job);
		return job;
	}

	private static void closeQuietly(InputStream content) {
		try {
			content.close();
		}
		catch (IOException ex) {
			// read to its end, or refused: nothing more is wanted of it
		}
	}

	/**
	 * @throws RecordNotFoundException unless the user started the import or is an
	 * administrator
	 */
	@Transactional(readOnly = true)
	public ImportJob get(Viewer viewer, UUID id) {
		ImportJob job = this.store.find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		if (!viewer.isAdmin() && !job.createdBy().equals(viewer.id())) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		return job;
	}

	/**
	 * @return the user's latest imports (an administrator's: everyone's), newest first
	 */
	@Transactional(readOnly = true)
	public List<ImportJob> list(Viewer viewer, int limit) {
		requireImporter(viewer);
		return this.store.list(viewer.isAdmin() ? null : viewer.id(), Math.max(1, Math.min(limit, 200)));
	}

	/**
	 * Changes how the file is read, while the import is a draft; the value mappings are
	 * remembered for later imports.
	 * @throws InvalidInputException naming each setting that is not valid
	 * @throws StaleRecordException when the import changed since {@code version}
	 */
	@Transactional
	public ImportJob configure(Viewer viewer, UUID id, long version, ImportSettings settings) {
		ImportJob job = get(viewer, id);
		requireImporter(viewer);
		if (!job.isDraft()) {
			throw new InvalidInputException("status", "This import has started; its settings can't change.");
		}
		if (settings == null) {
			throw new InvalidInputException("settings", "Send the import's settings.");
		}
		check(job, settings);
		Instant now = this.clock.instant();
		if (!this.store.saveSettings(id, version, settings, viewer.id(), now)) {
			throw new StaleRecordException(RECORD_TYPE, id, version);
		}
		this.store.remember(job.target(), settings.values(), viewer.id(), now);
		return get(viewer, id);
	}

	private void check(ImportJob job, ImportSettings settings) {
		Map<String, String> errors = new LinkedHashMap<>();
		Set<String> fields = new HashSet<>();
		settings.columns().forEach((header, field) -> {
			if (!job.headers().contains(header)) {
				errors.putIfAbsent("columns", "The file has no column '" + header + "'.");
			}
			else if (field != null && !field.isBlank()) {
				if (ImportFields.find(job.target(), field).isEmpty() || (field.startsWith(ImportFields.CUSTOM)
						&& fields(job.target()).stream().noneMatch(f -> f.key().equals(field)))) {
					errors.putIfAbsent("columns",
							"'" + field + "' is not a field of " + job.target().label().toLowerCase(Locale.ROOT) + ".");
				}
				else if (!fields.add(field)) {
					errors.putIfAbsent("columns", "Two columns fill the field '"
							+ ImportFields.find(job.target(), field).get().label() + "'; choose one.");
				}
			}
		});
		settings.values().forEach((field, mapped) -> {
			ImportField importField = ImportFields.find(job.target(), field).orElse(null);
			if (importField == null || !(importField.hasChoices() || importField.kind() == ImportField.Kind.USER)) {
				errors.putIfAbsent("values", "'" + field + "' has no values to map.");
				return;
			}
			Set<String> allowed = new HashSet<>();
			this.planner.choices(importField).forEach(choice -> allowed.add(choice.value()));
			mapped.forEach((source, target) -> {
				if (target != null && !target.isEmpty() && !allowed.contains(target)) {
					errors.putIfAbsent("values", "'" + target + "' is not one of the choices of "
							+ importField.label().toLowerCase(Locale.ROOT) + ".");
				}
			});
		});
		settings.references().forEach((field, rule) -> {
			ImportField importField = ImportFields.find(job.target(), field).orElse(null);
			if (importField == null || !importField.isReference()) {
				errors.putIfAbsent("references", "'" + field + "' does not name another record.");
			}
			else if (rule == ImportSettings.ReferenceRule.CREATE && importField.kind() != ImportField.Kind.ACCOUNT) {
				errors.putIfAbsent("references", "Only accounts are created when missing; choose to leave "
						+ importField.label().toLowerCase(Locale.ROOT) + " empty or to refuse the row.");
			}
		});
		InputValidation.throwIfAny(errors);
	}

	/**
	 * Saves the import's settings as a template, by name (replacing one of that name).
	 */
	@Transactional
	public ImportTemplate saveTemplate(Viewer viewer, UUID id, String name) {
		ImportJob job = get(viewer, id);
		requireImporter(viewer);
		String trimmed = name == null ? "" : name.trim();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new InvalidInputException("name", "Name the template (at most 100 characters).");
		}
		this.store.saveTemplate(job.target(), trimmed, job.settings(), viewer.id(), this.clock.instant());
		return this.store.templates(job.target())
			.stream()
			.filter(t -> t.name().equalsIgnoreCase(trimmed))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * @return the templates for a kind of import, by name
	 */
	@Transactional(readOnly = true)
	public List<ImportTemplate> templates(Viewer viewer, ImportTarget target) {
		requireImporter(viewer);
		return this.store.templates(target);
	}

	@Transactional
	public void deleteTemplate(Viewer viewer, UUID templateId) {
		requireImporter(viewer);
		if (!this.store.deleteTemplate(templateId)) {
			throw new RecordNotFoundException("import template", templateId);
		}
	}

	/**
	 * Applies a template to a draft: its settings, with the columns the file does not
	 * have left out (and the file's other columns mapped by their headers, as on upload).
	 * @throws StaleRecordException when the import changed since {@code version}
	 */
	@Transactional
	public ImportJob applyTemplate(Viewer viewer, UUID id, long version, UUID templateId) {
		ImportJob job = get(viewer, id);
		ImportTemplate template = templates(viewer, job.target()).stream()
			.filter(t -> t.id().equals(templateId))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("import template", templateId));
		Map<String, String> columns = new LinkedHashMap<>(ImportFields.autoMap(job.target(), job.headers()));
		template.settings().columns().forEach((header, field) -> {
			if (job.headers().contains(header)) {
				columns.values().remove(field);
				columns.put(header, field);
			}
		});
		ImportSettings saved = template.settings();
		return configure(viewer, id, version,
				new ImportSettings(columns, saved.values(), saved.references(), saved.match(), saved.onMatch(),
						saved.mode(), saved.defaultOwnerId(), saved.defaultCloseDate(), saved.dateOrder()));
	}

	/**
	 * Reads the whole file as the run would, writing nothing. Not in one transaction: a
	 * large file takes a while, and each chunk's look-ups stand on their own.
	 */
	public ImportPreview preview(Viewer viewer, UUID id) {
		ImportJob job = get(viewer, id);
		requireImporter(viewer);
		requireImporter(viewer, job.target());
		Context context = this.planner.start(job.target(), job.settings(), viewer, job.fileName());
		if (job.target() == ImportTarget.USER) {
			// a manager may be named before their own row
			try (SourceTable table = this.reader.read(this.store.content(id), job.fileName(),
					ImportRunner.sheet(job))) {
				context.scanPeople(table.rows()::iterator, ImportRunner.columnIndex(table.header()));
			}
		}
		int rows = 0;
		int create = 0;
		int update = 0;
		int skip = 0;
		int reject = 0;
		int problemCount = 0;
		List<Problem> problems = new ArrayList<>();
		try (SourceTable table = this.reader.read(this.store.content(id), job.fileName(), ImportRunner.sheet(job))) {
			Map<String, Integer> columns = ImportRunner.columnIndex(table.header());
			Iterator<SourceRow> all = table.rows().iterator();
			while (all.hasNext()) {
				List<SourceRow> batch = new ArrayList<>(500);
				while (all.hasNext() && batch.size() < 500) {
					batch.add(all.next());
				}
				for (Planned planned : context.plan(batch, columns)) {
					rows++;
					switch (planned.action()) {
						case CREATE -> create++;
						case UPDATE -> update++;
						case SKIP -> skip++;
						case REJECT -> reject++;
					}
					for (Problem problem : planned.problems()) {
						problemCount++;
						if (problems.size() < ImportPreview.MAX_PROBLEMS) {
							problems.add(problem);
						}
					}
				}
			}
		}
		Map<String, Integer> references = new LinkedHashMap<>();
		if (context.accountsToCreate() > 0) {
			references.put("account", context.accountsToCreate());
		}
		return new ImportPreview(rows, create, update, skip, reject, references, problems, problemCount,
				context.questions(), ImportFields.unmappedRequired(job.target(), job.settings().columns()));
	}

	/**
	 * Starts the run in the background, if the preview allows it.
	 * @throws InvalidInputException naming what stops it
	 */
	@Transactional
	public ImportJob start(Viewer viewer, UUID id) {
		ImportJob job = get(viewer, id);
		requireImporter(viewer);
		if (!job.isDraft()) {
			throw new InvalidInputException("status", "This import has been started already.");
		}
		// a file that updates records needs no column for what only new records need
		// (its rows that would create are refused, as the preview says)
		List<ImportField> unmapped = ImportFields.unmappedRequired(job.target(), job.settings().columns());
		if (!unmapped.isEmpty() && job.settings().onMatch() != ImportSettings.OnMatch.UPDATE) {
			throw new InvalidInputException("columns", "Choose the column for "
					+ String.join(", ", unmapped.stream().map(f -> f.label().toLowerCase(Locale.ROOT)).toList()) + ".");
		}
		// all or nothing: the file is read once more, to refuse the start rather than
		// fail the run (any other import writes its valid rows; the report lists the
		// rest)
		if (job.settings().mode() == ImportSettings.Mode.ALL_OR_NOTHING) {
			ImportPreview preview = preview(viewer, id);
			if (preview.create() + preview.update() == 0) {
				throw new InvalidInputException("rows", "No row would create or update a record.");
			}
			if (preview.reject() > 0) {
				throw new InvalidInputException("rows", preview.reject()
						+ " rows would be refused, and this import is all or nothing: fix them first, or import the valid rows.");
			}
		}
		if (!this.store.transition(id, Status.DRAFT, Status.QUEUED, viewer.id(), this.clock.instant())) {
			throw new StaleRecordException(RECORD_TYPE, id, job.version());
		}
		afterCommit(() -> this.runner.run(id));
		return get(viewer, id);
	}

	/**
	 * Asks a running import to stop after the chunk it is writing.
	 */
	@Transactional
	public ImportJob cancel(Viewer viewer, UUID id) {
		get(viewer, id);
		if (!this.store.requestCancel(id)) {
			throw new InvalidInputException("status", "This import is not running.");
		}
		return get(viewer, id);
	}

	/**
	 * Takes out what the import created and puts back what it updated, in the background
	 * — except records changed since, which are kept and listed.
	 */
	@Transactional
	public ImportJob undo(Viewer viewer, UUID id) {
		ImportJob job = get(viewer, id);
		requireImporter(viewer);
		if (!job.canUndo()) {
			throw new InvalidInputException("status", job.status() == Status.UNDONE ? "This import is undone already."
					: "Only a finished import that wrote records can be undone.");
		}
		if (!this.store.transition(id, job.status(), Status.UNDOING, viewer.id(), this.clock.instant())) {
			throw new StaleRecordException(RECORD_TYPE, id, job.version());
		}
		afterCommit(() -> this.runner.undo(id, viewer.id()));
		return get(viewer, id);
	}

	/**
	 * Writes the result report: one line per row (and per record a row created with it),
	 * what happened and why.
	 */
	@Transactional(readOnly = true)
	public void report(Viewer viewer, UUID id, OutputStream out) throws IOException {
		get(viewer, id);
		try (CsvExport csv = CsvExport.open(out, "Row", "Record type", "Outcome", "Record id", "Message")) {
			IOException[] failure = new IOException[1];
			this.store.report(id, line -> {
				try {
					if (failure[0] == null) {
						csv.row(line.row(), line.recordType(), line.outcome(), line.recordId(), line.message());
					}
				}
				catch (IOException ex) {
					failure[0] = ex;
				}
			});
			if (failure[0] != null) {
				throw failure[0];
			}
		}
	}

	/** The most records one call of the bulk API takes. */
	public static final int MAX_BULK_RECORDS = 1000;

	/**
	 * The bulk API: records sent as data rather than as a file, imported at once, as an
	 * import of their own (with its report and its undo).
	 * @param records each record's fields by key (see {@link ImportFields}), values as
	 * text, numbers or booleans
	 * @param settings how to match existing records, references and values; the columns
	 * are the records' keys
	 * @return the finished import
	 * @throws InvalidInputException for no records, too many, or a key that is not a
	 * field
	 */
	public ImportJob importRecords(Viewer viewer, ImportTarget target, List<Map<String, Object>> records,
			ImportSettings settings) {
		requireImporter(viewer, target);
		if (target == null) {
			throw new InvalidInputException("target",
					"Say what the records are: ACCOUNT, CONTACT, OPPORTUNITY, ACTIVITY, QUOTA, USER, PRODUCT or LINE_ITEM.");
		}
		if (records == null || records.isEmpty()) {
			throw new InvalidInputException("records", "Send at least one record.");
		}
		if (records.size() > MAX_BULK_RECORDS) {
			throw new InvalidInputException("records", "Send at most " + MAX_BULK_RECORDS + " records a call ("
					+ records.size() + " were sent), or upload them as a file.");
		}
		List<String> keys = new ArrayList<>();
		for (Map<String, Object> record : records) {
			if (record == null) {
				throw new InvalidInputException("records", "A record is null.");
			}
			for (Map.Entry<String, Object> entry : record.entrySet()) {
				if (ImportFields.find(target, entry.getKey()).isEmpty()
						|| (entry.getKey().startsWith(ImportFields.CUSTOM)
								&& fields(target).stream().noneMatch(f -> f.key().equals(entry.getKey())))) {
					throw new InvalidInputException("records",
							"'" + entry.getKey() + "' is not a field of " + target.label().toLowerCase(Locale.ROOT)
									+ " (see GET /api/v1/imports/fields/" + target + ").");
				}
				if (entry.getValue() instanceof Map || entry.getValue() instanceof java.util.Collection) {
					throw new InvalidInputException("records",
							"'" + entry.getKey() + "' must be a single value, not a list or an object.");
				}
				if (!keys.contains(entry.getKey())) {
					keys.add(entry.getKey());
				}
			}
		}
		Map<String, String> columns = new LinkedHashMap<>();
		keys.forEach(key -> columns.put(key, key));
		ImportSettings given = settings == null
				? new ImportSettings(null, null, null, null, null, null, null, null, null) : settings;
		Map<String, ImportSettings.ReferenceRule> references = new LinkedHashMap<>(
				ImportSettings.initial(target, List.of()).references());
		references.putAll(given.references());
		ImportSettings applied = new ImportSettings(columns, given.values(), references, given.match(), given.onMatch(),
				given.mode(), given.defaultOwnerId(), given.defaultCloseDate(), ImportSettings.DateOrder.DAY_FIRST);
		byte[] content = BulkRecords.csv(keys, records);
		ImportJob job = this.transactions.execute(status -> {
			check(new ImportJob(null, target, "api", null, null, 0, keys, applied, Status.DRAFT, 0, 0, 0, 0, 0, 0, 0, 0,
					false, null, null, null, null, null, null, 0), applied);
			Instant now = this.clock.instant();
			ImportJob draft = new ImportJob(Ids.newId(), target, "api-" + target.collection() + ".csv", "CSV", null,
					content.length, keys, applied, Status.DRAFT, records.size(), 0, 0, 0, 0, 0, 0, 0, false, null, null,
					null, null, now, viewer.id(), 0);
			this.store.insert(draft, content);
			this.store.transition(draft.id(), Status.DRAFT, Status.QUEUED, viewer.id(), now);
			return draft;
		});
		this.runner.runNow(job.id());
		return get(viewer, job.id());
	}

	/**
	 * @return what happened to each row and to the records created with them, in order
	 */
	@Transactional(readOnly = true)
	public List<ImportStore.ReportLine> outcomes(Viewer viewer, UUID id) {
		get(viewer, id);
		List<ImportStore.ReportLine> lines = new ArrayList<>();
		this.store.report(id, lines::add);
		return lines;
	}

	/**
	 * @return the first rows of the file, as text (for showing what each column holds)
	 */
	@Transactional(readOnly = true)
	public List<List<String>> sample(Viewer viewer, UUID id, int rows) {
		ImportJob job = get(viewer, id);
		List<List<String>> sample = new ArrayList<>();
		try (SourceTable table = this.reader.read(this.store.content(id), job.fileName(), ImportRunner.sheet(job))) {
			Iterator<SourceRow> all = table.rows().iterator();
			while (all.hasNext() && sample.size() < rows) {
				sample.add(all.next().cells());
			}
		}
		return sample;
	}

	/**
	 * @return the choices of a field that has them (for mapping values)
	 */
	@Transactional(readOnly = true)
	public List<Choice> choices(ImportTarget target, String field) {
		return ImportFields.find(target, field).map(this.planner::choices).orElse(List.of());
	}

	private static void afterCommit(Runnable task) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					task.run();
				}
			});
		}
		else {
			task.run();
		}
	}

}
