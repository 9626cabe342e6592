package dev.bellwether.listviews.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The lists' "Export" control: {@code /opportunities/export?format=csv|xlsx} and the same
 * for accounts, contacts and activities, with the list page's own parameters (the view,
 * filters, search, columns and sort), so that the file holds the list as shown, every
 * matching row. Counted as an {@code EXPORT} of the record type (through
 * {@link dev.bellwether.platform.export.RecordsExported}), not as a page view.
 */
@Controller
@Usage(value = UsageKind.EXPORT, ignore = true)
class ListExportController {

	private final ListExporter exporter;

	ListExportController(ListExporter exporter) {
		this.exporter = exporter;
	}

	@GetMapping({ "/accounts/export", "/contacts/export", "/opportunities/export", "/activities/export",
			"/leads/export" })
	void export(Viewer viewer, HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.exporter.export(viewer, collection(request.getRequestURI()), false, request, response);
	}

	/** {@code /opportunities/export} → {@code opportunities} */
	static String collection(String path) {
		String withoutSuffix = path.substring(0, path.lastIndexOf("/export"));
		return withoutSuffix.substring(withoutSuffix.lastIndexOf('/') + 1);
	}

}
