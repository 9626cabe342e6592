package dev.bellwether.listviews.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists as files through the API: {@code GET /api/v1/opportunities/export?format=xlsx}
 * and the same for accounts, contacts and activities.
 */
@RestController
@Tag(name = "Exports",
		description = "A list as CSV or XLSX: every record you may see that matches, in the list's "
				+ "order and with its columns (docs/exports.md).")
@Usage(value = UsageKind.EXPORT, ignore = true)
class ListExportApiController {

	private final ListExporter exporter;

	ListExportApiController(ListExporter exporter) {
		this.exporter = exporter;
	}

	@GetMapping({ "/api/v1/accounts/export", "/api/v1/contacts/export", "/api/v1/opportunities/export",
			"/api/v1/activities/export", "/api/v1/leads/export" })
	@Operation(summary = "Export a list as CSV or XLSX", description = """
			Every record you may see that matches the list, not one page: the saved or standard view named by \
			view (else your default view of the list), with the list's filters as the list page or the list \
			endpoint takes them (e.g. owner or ownerId, stage or stageId, status=open or open=true, q, \
			cf.<key>, cf.<key>.from/.to), the columns of cols (in their order, custom fields as cf.<key>, \
			related fields such as account, owner, stage) and sort (e.g. closeDate,desc). At most 100,000 \
			records (bellwether.export.max-rows) per file: when more match, X-Export-Capped is true, the file \
			name says first-100000 and X-Export-Summary says how many matched. CSV is UTF-8 with a byte-order \
			mark, and a text cell starting with = + - @, a tab or a carriage return has a single quote in front; \
			XLSX keeps numbers, money and dates as numbers and dates. An unknown format, a filter value the list \
			does not take or an unknown custom field is a 400 problem document naming the parameter.""")
	@ApiResponse(responseCode = "200", description = "The file, as an attachment",
			headers = { @Header(name = ListExporter.ROWS_HEADER, description = "records in the file"),
					@Header(name = ListExporter.MATCHING_HEADER, description = "records that match"),
					@Header(name = ListExporter.CAPPED_HEADER,
							description = "true when more records match than the file holds"),
					@Header(name = ListExporter.SUMMARY_HEADER, description = "the same in a sentence") },
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
							schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "400", description = "Unknown format, or a filter the list does not take",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	void export(Viewer viewer,
			@Parameter(description = "csv (the default) or xlsx",
					example = "xlsx") @RequestParam(required = false) String format,
			@Parameter(description = "a saved or standard view's id") @RequestParam(required = false) String view,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI();
		this.exporter.export(viewer, ListExportController.collection(path), true, request, response);
	}

}
