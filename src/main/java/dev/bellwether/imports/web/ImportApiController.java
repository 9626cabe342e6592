package dev.bellwether.imports.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.identity.Viewer;
import dev.bellwether.imports.ImportField;
import dev.bellwether.imports.ImportFields;
import dev.bellwether.imports.ImportJobs;
import dev.bellwether.imports.ImportPreview;
import dev.bellwether.imports.ImportPreview.Choice;
import dev.bellwether.imports.ImportSettings;
import dev.bellwether.imports.ImportTarget;
import dev.bellwether.imports.ImportTemplate;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.ApiResources;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports",
		description = "Bring accounts, contacts, deals, activities and quotas in from a CSV or XLSX file (sales "
				+ "administrators and administrators): upload the file, adjust how its columns and values are read, preview "
				+ "what every row would do, start the run (in the background: poll GET /api/v1/imports/{id}), download the "
				+ "result report, and undo it later — records changed since the import are kept and listed. See "
				+ "docs/imports.md.")
class ImportApiController {

	private final ImportJobs imports;

	ImportApiController(ImportJobs imports) {
		this.imports = imports;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a file to import",
			description = "A multipart form with file (CSV or XLSX), target (ACCOUNT, CONTACT, OPPORTUNITY, ACTIVITY, QUOTA, USER — administrators only —, PRODUCT or LINE_ITEM) and, for "
					+ "a workbook, sheet (its name; the first sheet by default). Columns are mapped by their headers, "
					+ "with Salesforce's and HubSpot's export names understood; nothing is written yet.")
	ResponseEntity<ImportResource> upload(Viewer viewer,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) ImportTarget target, @RequestParam(required = false) String sheet)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "Send the file to import as the multipart part 'file'.");
		}
		ImportResource created = ImportResource
			.of(this.imports.upload(viewer, target, file.getOriginalFilename(), file.getInputStream(), sheet));
		return ResponseEntity.created(URI.create("/api/v1/imports/" + created.id())).body(created);
	}

	@PostMapping(value = "/records", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Bulk API: create or update up to 1,000 records in one call",
			description = "records are objects keyed by the target's field keys (GET /api/v1/imports/fields/{target}), "
					+ "with the same reading as a file: pick-list values and stages by name (case-insensitive), owners by "
					+ "user name or e-mail, accounts by the old system's id, name or domain, dates as 2025-03-04. "
					+ "settings (optional) as for an import: match, onMatch (SKIP or UPDATE), references, values, "
					+ "defaultOwnerId, defaultCloseDate, mode (ALL_OR_NOTHING writes nothing if any record is refused). "
					+ "Answers when done, with each record's outcome (index in the request, outcome, recordId, message); "
					+ "the call is an import of its own, with its report and its undo (POST /api/v1/imports/{id}/undo).")
	BulkResult records(Viewer viewer, @RequestBody BulkRequest request) {
		ImportResource job = ImportResource
			.of(this.imports.importRecords(viewer, request.target(), request.records(), request.settings()));
		List<BulkOutcome> outcomes = this.imports.outcomes(viewer, job.id())
			.stream()
			.map(line -> new BulkOutcome((int) line.row() - 2, line.recordType(), line.outcome(), line.recordId(),
					line.message()))
			.toList();
		return new BulkResult(job, outcomes);
	}

	/** Records for the bulk API. */
	record BulkRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) ImportTarget target,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "at most 1,000") List<java.util.Map<String, Object>> records,
			ImportSettings settings) {
	}

	/**
	 * What one record of a bulk call did; {@code index} is its place in the request (a
	 * record created with it, such as a missing account, has the same index).
	 */
	record BulkOutcome(int index, String recordType, String outcome, UUID recordId, String message) {
	}

	/** The bulk call's import and each record's outcome. */
	record BulkResult(ImportResource importJob, List<BulkOutcome> outcomes) {
	}

	@GetMapping
	@Operation(summary = "Your latest imports (an administrator's: everyone's)")
	List<ImportResource> list(Viewer viewer, @RequestParam(defaultValue = "50") int limit) {
		return this.imports.list(viewer, limit).stream().map(ImportResource::of).toList();
	}

	@Usage(value = UsageKind.API_CALL, ignore = true)
	@GetMapping("/{id}")
	@Operation(summary = "An import: its settings, status and progress")
	ImportResource get(Viewer viewer, @PathVariable UUID id) {
		return ImportResource.of(this.imports.get(viewer, id));
	}

	@GetMapping("/fields/{target}")
	@Operation(summary = "The fields a file's columns can fill, with the choices of those that have them",
			description = "A field's synonyms are the headers mapped to it automatically; choices (pick-list values, "
					+ "stages, users) are what a value mapping may map a file's value to (their value).")
	List<FieldResource> fields(@PathVariable ImportTarget target) {
		return this.imports.fields(target)
			.stream()
			.map(field -> new FieldResource(field,
					field.hasChoices() || field.kind() == ImportField.Kind.USER
							? this.imports.choices(target, field.key()) : List.of()))
			.toList();
	}

	@PutMapping("/{id}/settings")
	@Operation(summary = "Change how the file is read",
			description = "While the import is a draft. Send the settings and the version you read (409 when stale). "
					+ "columns maps a header to a field key; values maps, per field, a value as the file writes it to a "
					+ "choice's value (remembered for later imports); references sets, per reference field, CREATE "
					+ "(accounts only), LEAVE_EMPTY or REJECT.")
	ImportResource configure(Viewer viewer, @PathVariable UUID id, @RequestBody SettingsRequest request) {
		long version = ApiResources.requireVersion(request.version(), "import");
		return ImportResource.of(this.imports.configure(viewer, id, version, request.settings()));
	}

	@GetMapping("/templates/{target}")
	@Operation(summary = "The saved settings (templates) for a kind of import")
	List<ImportTemplate> templates(Viewer viewer, @PathVariable ImportTarget target) {
		return this.imports.templates(viewer, target);
	}

	@PostMapping("/{id}/template")
	@Operation(summary = "Save the import's settings as a template",
			description = "Body {\"name\": \"…\"}; a template of that name for the same kind of import is replaced.")
	ImportTemplate saveTemplate(Viewer viewer, @PathVariable UUID id, @RequestBody TemplateRequest request) {
		return this.imports.saveTemplate(viewer, id, request.name());
	}

	@PostMapping("/{id}/apply-template")
	@Operation(summary = "Apply a template to a draft import",
			description = "Body {\"templateId\": …, \"version\": …}: its settings, the columns this file lacks left out.")
	ImportResource applyTemplate(Viewer viewer, @PathVariable UUID id, @RequestBody TemplateRequest request) {
		long version = ApiResources.requireVersion(request.version(), "import");
		if (request.templateId() == null) {
			throw new InvalidInputException("templateId", "Say which template to apply.");
		}
		return ImportResource.of(this.imports.applyTemplate(viewer, id, version, request.templateId()));
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/templates/{templateId}")
	@Operation(summary = "Delete a template")
	ResponseEntity<Void> deleteTemplate(Viewer viewer, @PathVariable UUID templateId) {
		return ApiResources.noContent(() -> this.imports.deleteTemplate(viewer, templateId));
	}

	/** A template's name, or the one to apply. */
	record TemplateRequest(@Schema(maxLength = 100) String name, UUID templateId, Long version) {
	}

	@GetMapping("/{id}/preview")
	@Operation(summary = "What the import would do, row by row, writing nothing",
			description = "Rows to create, update, skip and reject; every problem by row and column (the first 1,000); "
					+ "values that match no choice, with the closest one; required fields no column fills.")
	ImportPreview preview(Viewer viewer, @PathVariable UUID id) {
		return this.imports.preview(viewer, id);
	}

	@PostMapping("/{id}/start")
	@Operation(summary = "Start the import in the background",
			description = "Refused (400) when a required field has no column, no row would write anything, or an "
					+ "all-or-nothing import has rows that would be refused.")
	ResponseEntity<ImportResource> start(Viewer viewer, @PathVariable UUID id) {
		return ResponseEntity.accepted().body(ImportResource.of(this.imports.start(viewer, id)));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Stop a running import after the chunk it is writing",
			description = "What it wrote stays, and can be undone; an all-or-nothing import writes nothing.")
	ImportResource cancel(Viewer viewer, @PathVariable UUID id) {
		return ImportResource.of(this.imports.cancel(viewer, id));
	}

	@PostMapping("/{id}/undo")
	@Operation(summary = "Undo an import",
			description = "In the background: records it created go to the recycle bin, records it updated get their "
					+ "earlier values back — except those changed since, which are kept and listed in the report.")
	ResponseEntity<ImportResource> undo(Viewer viewer, @PathVariable UUID id) {
		return ResponseEntity.accepted().body(ImportResource.of(this.imports.undo(viewer, id)));
	}

	@GetMapping(value = "/{id}/report", produces = "text/csv")
	@Operation(summary = "The result report: one line per row, what happened and why (CSV)")
	void report(Viewer viewer, @PathVariable UUID id, HttpServletResponse response) throws IOException {
		ReportDownload.send(this.imports, viewer, id, response);
	}

	/** The settings, with the version of the import they were based on. */
	record SettingsRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long version,
			@Parameter(required = true) ImportSettings settings) {
	}

	/** A field, with its choices. */
	record FieldResource(String key, String label, ImportField.Kind kind, boolean required, List<String> synonyms,
			List<Choice> choices) {

		FieldResource(ImportField field, List<Choice> choices) {
			this(field.key(), field.label(), field.kind(), field.required(), field.synonyms(), choices);
		}

	}

}
