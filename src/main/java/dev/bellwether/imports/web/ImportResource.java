package dev.bellwether.imports.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bellwether.imports.ImportJob;
import dev.bellwether.imports.ImportSettings;
import dev.bellwether.imports.ImportTarget;

/**
 * An import as the API shows it, with its progress in percent and where to go next.
 */
record ImportResource(UUID id, ImportTarget target, String fileName, String fileFormat, String sheet, long fileSize,
		List<String> headers, ImportSettings settings, ImportJob.Status status, int total, int processed, int percent,
		int created, int updated, int skipped, int rejected, int undone, int kept, String failure, Instant startedAt,
		Instant finishedAt, Instant undoneAt, Instant createdAt, UUID createdBy, long version, String report) {

	static ImportResource of(ImportJob job) {
		return new ImportResource(job.id(), job.target(), job.fileName(), job.fileFormat(), job.sheet(), job.fileSize(),
				job.headers(), job.settings(), job.status(), job.total(), job.processed(), job.percent(), job.created(),
				job.updated(), job.skipped(), job.rejected(), job.undone(), job.kept(), job.failure(), job.startedAt(),
				job.finishedAt(), job.undoneAt(), job.createdAt(), job.createdBy(), job.version(),
				"/api/v1/imports/" + job.id() + "/report");
	}

}
