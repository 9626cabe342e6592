package dev.bellwether.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One import: its file, its settings and how far it got.
 *
 * @param total the rows of the file (without the header)
 * @param processed the rows dealt with so far
 */
public record ImportJob(UUID id, ImportTarget target, String fileName, String fileFormat, String sheet, long fileSize,
		List<String> headers, ImportSettings settings, Status status, int total, int processed, int created,
		int updated, int skipped, int rejected, int undone, int kept, boolean cancelRequested, String failure,
		Instant startedAt, Instant finishedAt, Instant undoneAt, Instant createdAt, UUID createdBy, long version) {

	public enum Status {

		/** Uploaded; settings and preview may change. */
		DRAFT,
		/** Waiting for the background run. */
		QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED,
		/** Its records are being taken out again. */
		UNDOING, UNDONE;

		public boolean isActive() {
			return this == QUEUED || this == RUNNING || this == UNDOING;
		}

	}

	/**
	 * @return how far the run (or its undo) is, 0–100
	 */
	public int percent() {
		if (this.total <= 0) {
			return this.status == Status.DRAFT || this.status == Status.QUEUED ? 0 : 100;
		}
		return (int) Math.min(100, Math.round(100.0 * this.processed / this.total));
	}

	/**
	 * @return whether its settings may still change
	 */
	public boolean isDraft() {
		return this.status == Status.DRAFT;
	}

	/**
	 * @return whether it may be undone: it wrote something and is not being undone
	 */
	public boolean canUndo() {
		return (this.status == Status.COMPLETED || this.status == Status.CANCELLED || this.status == Status.FAILED)
				&& this.created + this.updated > 0;
	}

}
