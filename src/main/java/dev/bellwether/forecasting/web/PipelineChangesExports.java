package dev.bellwether.forecasting.web;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.forecasting.PipelineChangeReport;
import dev.bellwether.forecasting.PipelineChanges;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.export.ExportFormat;
import dev.bellwether.platform.export.RecordsExported;
import dev.bellwether.platform.export.TableExport;
import dev.bellwether.sales.OpportunityAccess;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * What changed as a file, through the platform's formula-safe {@link TableExport}: one
 * row per deal and bucket (up to {@value PipelineChanges#MAX_LIMIT} a bucket) with both
 * states and the flags; the workbook has a second sheet with each bucket's count and
 * amount and the two totals. Scoped like the page and the API (the same
 * {@link PipelineChanges} for the same viewer), counted as an export of deals.
 */
@Component
class PipelineChangesExports {

	static final List<String> DEAL_HEADERS = Arrays.asList("Change", "Deal id", "Deal", "Owner", "Amount counted",
			"Stage before", "Amount before", "Close date before", "Stage after", "Amount after", "Close date after",
			"Flags");

	static final List<String> SUMMARY_HEADERS = Arrays.asList("Figure", "Deals", "Amount", "Deals listed");

	private final PipelineChanges changes;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	PipelineChangesExports(PipelineChanges changes, FiscalCalendar calendar, UserDirectory users,
			ApplicationEventPublisher events, Clock clock) {
		this.changes = changes;
		this.users = users;
		this.events = events;
		this.clock = clock;
		this.zone = calendar.zone();
	}

	/**
	 * Writes the comparison to the response, with its file name: between two snapshots,
	 * from a snapshot to now, or (no {@code from}) since the period started (the current
	 * quarter when none is named).
	 * @throws InvalidInputException for an unknown format, or as
	 * {@link PipelineChanges#report} (before anything is written)
	 */
	void write(Viewer viewer, UUID from, UUID to, String period, UUID owner, UUID manager, String format,
			HttpServletResponse response) throws IOException {
		ExportFormat fileFormat = ExportFormat.of(format);
		PipelineChangeReport report = this.changes.report(viewer, from, to, period,
				new PipelineChanges.Scope(owner, manager, PipelineChanges.MAX_LIMIT));
		TableExport.Table deals = deals(report);
		response.setContentType(fileFormat.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("pipeline-changes-" + report.period().code() + "." + fileFormat.extension())
					.build()
					.toString());
		if (fileFormat == ExportFormat.CSV) {
			TableExport.csv(deals, this.zone, response.getOutputStream());
		}
		else {
			TableExport.xlsx(List.of(summary(report), deals), this.zone, response.getOutputStream());
		}
		boolean capped = report.buckets().stream().anyMatch(PipelineChangeReport.Bucket::more);
		this.events.publishEvent(new RecordsExported(OpportunityAccess.RECORD_TYPE, viewer.id(), this.clock.instant(),
				deals.rows().size(), fileFormat, capped));
	}

	private TableExport.Table deals(PipelineChangeReport report) {
		Map<UUID, String> names = this.users.namesOf(report.ownerIds());
		List<List<Object>> rows = new ArrayList<>();
		for (PipelineChangeReport.Bucket bucket : report.buckets()) {
			for (PipelineChangeReport.ChangedDeal deal : bucket.deals()) {
				rows.add(Arrays.asList(bucket.bucket().label(), deal.id().toString(), deal.name(),
						names.get(deal.ownerId()), deal.amount(), deal.fromStage(), deal.fromAmount(),
						deal.fromCloseDate(), deal.toStage(), deal.toAmount(), deal.toCloseDate(),
						deal.flags() == null ? null : String.join("; ", deal.flags().labels())));
			}
		}
		return new TableExport.Table("Deals", DEAL_HEADERS, rows);
	}

	private static TableExport.Table summary(PipelineChangeReport report) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(Arrays.asList("Start", report.start().count(), report.start().amount(), null));
		for (PipelineChangeReport.Bucket bucket : report.buckets()) {
			rows.add(Arrays.asList(bucket.bucket().label(), bucket.count(), bucket.amount(), bucket.deals().size()));
		}
		rows.add(Arrays.asList("End", report.end().count(), report.end().amount(), null));
		return new TableExport.Table("What changed " + report.period().code(), SUMMARY_HEADERS, rows);
	}

}
