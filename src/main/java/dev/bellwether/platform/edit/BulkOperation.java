package dev.bellwether.platform.edit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A bulk action as one operation: what it does, how far it got, which records it refused
 * and why, and — once undone — which it could not revert.
 *
 * @param valueDisplay the new value as people read it (a stage's name)
 * @param subject a note's or task's subject
 * @param reason the reason given with a change (a deal's loss reason), or null
 * @param reasonLabel what the reason is ("Loss reason")
 * @param problems the records refused or skipped, with the reason (at most
 * {@link BulkChanges#LISTED} of them)
 */
public record BulkOperation(UUID id, String recordType, BulkAction action, String field, String fieldLabel,
		String value, String valueDisplay, String subject, String reason, String reasonLabel, LocalDate dueDate,
		Status status, int total, int processed, int applied, int refused, int undone, int skipped, String failure,
		Instant createdAt, UUID createdBy, Instant undoneAt, List<Item> problems) {

	/**
	 * @return how far it got, 0–100
	 */
	public int percent() {
		// undoing goes over the records changed, not all the records selected
		int of = (this.status == Status.UNDOING || this.status == Status.UNDONE) ? this.applied : this.total;
		return of == 0 ? 100 : (int) Math.min(100, this.processed * 100L / of);
	}

	public boolean isRunning() {
		return this.status == Status.QUEUED || this.status == Status.RUNNING || this.status == Status.UNDOING;
	}

	public boolean canUndo() {
		// a stopped operation (an error, a restart) is undone as far as it got
		return (this.status == Status.DONE || this.status == Status.FAILED) && this.applied > 0;
	}

	/**
	 * Where an operation is.
	 */
	public enum Status {

		QUEUED, RUNNING, DONE, FAILED, UNDOING, UNDONE

	}

	/**
	 * What became of one record.
	 */
	public enum Outcome {

		PENDING, APPLIED, UNCHANGED, REFUSED, UNDONE, SKIPPED

	}

	/**
	 * One record of the operation.
	 *
	 * @param name the record's name, when the user may still see it
	 */
	public record Item(UUID recordId, String name, Outcome outcome, String reason, String beforeDisplay) {
	}

}
