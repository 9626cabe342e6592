package dev.bellwether.platform.edit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.platform.edit.BulkAction;
import dev.bellwether.platform.edit.BulkOperation;
import dev.bellwether.platform.edit.BulkOperation.Item;
import dev.bellwether.platform.edit.BulkOperation.Status;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A bulk operation as the API shows it.
 */
@Schema(name = "BulkOperation")
record BulkOperationResource(UUID id, String recordType, BulkAction action, String field, String fieldLabel,
		String value, String valueDisplay, String subject,
		@Schema(description = "the reason given with the change (a deal's loss reason), if any") String reason,
		LocalDate dueDate, Status status, @Schema(description = "records selected") int total,
		@Schema(description = "records done so far") int processed, @Schema(description = "0–100") int percent,
		int applied, int refused, int undone, int skipped, String failure, Instant createdAt, Instant undoneAt,
		boolean canUndo,
		@Schema(description = "records refused (or, once undone, skipped) with the reason; at most 200") List<Item> problems) {

	static BulkOperationResource of(BulkOperation operation) {
		return new BulkOperationResource(operation.id(), operation.recordType(), operation.action(), operation.field(),
				operation.fieldLabel(), operation.value(), operation.valueDisplay(), operation.subject(),
				operation.reason(), operation.dueDate(), operation.status(), operation.total(), operation.processed(),
				operation.percent(), operation.applied(), operation.refused(), operation.undone(), operation.skipped(),
				operation.failure(), operation.createdAt(), operation.undoneAt(), operation.canUndo(),
				operation.problems());
	}

}
