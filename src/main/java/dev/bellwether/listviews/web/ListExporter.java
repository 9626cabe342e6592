package dev.bellwether.listviews.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.identity.Viewer;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.listviews.OpenedView;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.export.ExportColumn;
import dev.bellwether.platform.export.ExportFormat;
import dev.bellwether.platform.export.ExportableList;
import dev.bellwether.platform.export.ListExports;
import dev.bellwether.platform.export.ListExports.Export;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Opens a list as the person would see it (the view in the address, or their default,
 * with what the address changes) and writes it as a file: what the page's and the API's
 * export handlers share. Everything that can fail (the format, a filter, a view not
 * shared with the person) fails before the first byte is written, so it can still be
 * answered as an error.
 */
@Component
class ListExporter {

	static final String ROWS_HEADER = "X-Export-Rows";

	static final String MATCHING_HEADER = "X-Export-Matching";

	static final String CAPPED_HEADER = "X-Export-Capped";

	static final String SUMMARY_HEADER = "X-Export-Summary";

	private final ListViews views;

	private final ListExports exports;

	ListExporter(ListViews views, ListExports exports) {
		this.views = views;
		this.exports = exports;
	}

	/**
	 * @param api whether the request came through the API (its list endpoint's parameter
	 * names are taken too)
	 */
	void export(Viewer viewer, String collection, boolean api, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ExportableList list = this.exports.list(collection)
			.orElseThrow(() -> new RecordNotFoundException("list", collection));
		ExportFormat format = ExportFormat.of(request.getParameter("format"));
		Map<String, String[]> parameters = api ? list.fromApi(request.getParameterMap()) : request.getParameterMap();
		OpenedView opened = this.views.open(viewer, list.recordType(), parameters, false);
		List<ExportColumn> columns = opened.columns()
			.stream()
			.filter(column -> list.exports(column.name()))
			.map(column -> new ExportColumn(column.name(), column.label()))
			.toList();
		Export export = this.exports.prepare(list, viewer.id(), opened.query(), opened.query().custom(parameters),
				columns, format);
		response.setContentType(format.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(export.fileName(), StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(ROWS_HEADER, String.valueOf(export.rows()));
		response.setHeader(MATCHING_HEADER, String.valueOf(export.matching()));
		response.setHeader(CAPPED_HEADER, String.valueOf(export.capped()));
		response.setHeader(SUMMARY_HEADER, export.summary());
		response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(", ", HttpHeaders.CONTENT_DISPOSITION,
				ROWS_HEADER, MATCHING_HEADER, CAPPED_HEADER, SUMMARY_HEADER));
		export.writeTo(response.getOutputStream());
		response.flushBuffer();
	}

}
