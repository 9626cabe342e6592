package dev.bellwether.forecasting.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.PipelineChangeReport;
import dev.bellwether.forecasting.PipelineChanges;
import dev.bellwether.forecasting.PipelineSnapshots;
import dev.bellwether.forecasting.PipelineSnapshots.Snapshot;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pipeline")
@Tag(name = "Pipeline snapshots", description = "Weekly and on-demand snapshots of the open pipeline, and what "
		+ "changed in a period's pipeline between two of them or since the period started.")
class PipelineSnapshotApiController {

	private static final int MAX_SNAPSHOTS = 500;

	private final PipelineSnapshots snapshots;

	private final PipelineChanges changes;

	private final PipelineChangesExports exports;

	PipelineSnapshotApiController(PipelineSnapshots snapshots, PipelineChanges changes,
			PipelineChangesExports exports) {
		this.exports = exports;
		this.snapshots = snapshots;
		this.changes = changes;
	}

	@GetMapping("/snapshots")
	@Operation(summary = "The pipeline snapshots, newest first",
			description = "Each with its kind (WEEKLY or ON_DEMAND), when and by whom it was taken (null: the weekly "
					+ "job); the company-wide deal count and amount only for executives, sales administrators and "
					+ "administrators.")
	List<Snapshot> list(Viewer viewer, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_SNAPSHOTS) {
			throw new InvalidInputException("limit", "Ask for 1 to " + MAX_SNAPSHOTS + " snapshots.");
		}
		return this.snapshots.list(viewer, limit);
	}

	@GetMapping("/snapshots/{id}")
	@Operation(summary = "One pipeline snapshot")
	Snapshot get(Viewer viewer, @PathVariable UUID id) {
		return this.snapshots.get(viewer, id);
	}

	@PostMapping("/snapshots")
	@Operation(summary = "Take a snapshot of the open pipeline now",
			description = "For managers, executives, sales administrators and administrators (403 otherwise). A "
					+ "second request in the same minute takes none and answers with the first (200 instead of "
					+ "201).")
	ResponseEntity<Snapshot> take(Viewer viewer) {
		PipelineSnapshots.Taken taken = this.snapshots.takeOnDemand(viewer);
		return ResponseEntity.status(taken.taken() ? HttpStatus.CREATED : HttpStatus.OK).body(taken.snapshot());
	}

	@GetMapping("/changes/export")
	// counted from RecordsExported, like the page's export
	@Usage(value = UsageKind.EXPORT, ignore = true)
	@Operation(summary = "What changed as CSV or XLSX",
			description = "The deals of every bucket (up to " + PipelineChanges.MAX_LIMIT + " a bucket), one row "
					+ "per deal and bucket with both states and the flags, through the formula-safe export; the "
					+ "workbook also has a sheet with each bucket's count and amount and the two totals. The same "
					+ "parameters and scope as /changes (from omitted: since the period started, the current "
					+ "quarter by default). format csv (default) or xlsx.")
	void export(Viewer viewer, @RequestParam(required = false) UUID from, @RequestParam(required = false) UUID to,
			@RequestParam(required = false) String period, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) UUID manager,
			@Parameter(description = "csv or xlsx") @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		this.exports.write(viewer, from, to, period, owner, manager, format, response);
	}

	@GetMapping("/changes")
	@Operation(summary = "What changed in a period's pipeline",
			description = "Between two snapshots (from, to), from a snapshot to the live pipeline (from only), or "
					+ "since the period started (period only: from the snapshot nearest its start to the live "
					+ "pipeline). The period (2026-11, 2026-Q4, FY2026) defaults to the fiscal quarter holding the "
					+ "end. Buckets: new, pulled in, amount up, amount down, pushed out, won, lost, removed (these "
					+ "reconcile the start and end totals), stage forward and stage back; each with its count, "
					+ "amount and the largest deals (limit, default 50), with their flags. Scoped like the deals: "
					+ "a rep their own, a manager their organisation, executives all; narrowed by owner and "
					+ "manager (a manager's organisation). Unknown snapshot: 404; from taken after to: 400.")
	PipelineChangeReport changes(Viewer viewer, @RequestParam(required = false) UUID from,
			@RequestParam(required = false) UUID to, @RequestParam(required = false) String period,
			@RequestParam(required = false) UUID owner, @RequestParam(required = false) UUID manager,
			@RequestParam(defaultValue = "" + PipelineChanges.DEFAULT_LIMIT) int limit) {
		if (from == null && to == null && (period == null || period.isBlank())) {
			throw new InvalidInputException("from",
					"Name a start snapshot (from), or a period to compare since its start.");
		}
		return this.changes.report(viewer, from, to, period, new PipelineChanges.Scope(owner, manager, limit));
	}

}
