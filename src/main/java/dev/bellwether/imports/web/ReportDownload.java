package dev.bellwether.imports.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.identity.Viewer;
import dev.bellwether.imports.ImportJob;
import dev.bellwether.imports.ImportJobs;

/**
 * The result report of an import as a CSV download, for the page and the API alike: named
 * after the imported file.
 */
final class ReportDownload {

	private ReportDownload() {
	}

	static void send(ImportJobs imports, Viewer viewer, UUID id, HttpServletResponse response) throws IOException {
		ImportJob job = imports.get(viewer, id);
		response.setContentType("text/csv;charset=UTF-8");
		String name = job.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "-report.csv\"");
		imports.report(viewer, id, response.getOutputStream());
	}

}
