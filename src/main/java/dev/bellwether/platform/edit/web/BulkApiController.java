package dev.bellwether.platform.edit.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.edit.BulkAction;
import dev.bellwether.platform.edit.BulkChanges;
import dev.bellwether.platform.edit.BulkOperation;
import dev.bellwether.platform.edit.BulkRequest;
import dev.bellwether.platform.web.SignedInUser;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bulk")
@Tag(name = "Bulk changes", description = "One action over many accounts, contacts, deals or activities, as one "
		+ "operation: rights are checked per record and what was refused is listed with the reason. Selections over "
		+ "200 records run in the background (poll GET /api/v1/bulk/{id}); an operation can be undone, except for "
		+ "the records changed since, which are listed. Only its starter sees an operation.")
class BulkApiController {

	private final BulkChanges bulk;

	private final ObjectProvider<SignedInUser> user;

	BulkApiController(BulkChanges bulk, ObjectProvider<SignedInUser> user) {
		this.bulk = bulk;
		this.user = user;
	}

	@PostMapping("/{recordType}")
	@Operation(summary = "Start a bulk action",
			description = "recordType is accounts, contacts, opportunities or activities. action CHANGE sets field to "
					+ "value (as for inline edit; see GET /api/v1/fields/{recordType}); LOG_ACTIVITY logs a note "
					+ "(subject) on each record; CREATE_TASK creates a task (subject, optional dueDate) for each; "
					+ "RECYCLE moves each to the recycle bin. Either ids, or allMatching=true with the list's filters "
					+ "(as its page's address has them, e.g. q, owner, stage; view=<id> applies a saved view's filters "
					+ "under the others, as the list does, and an empty filter clears the view's). At most 10,000 records. "
					+ "Some values ask for a reason with them (GET /api/v1/fields/{recordType}: a field's reason, with "
					+ "its choices and the values that need it): moving deals to a lost stage (field stageId) takes "
					+ "reason, one of the loss-reason pick list's values, as every moved deal's loss reason; without it "
					+ "each deal that gives no loss reason of its own is refused.")
	ResponseEntity<BulkOperationResource> start(
			@Parameter(description = "accounts, contacts, opportunities or activities") @PathVariable String recordType,
			@RequestBody BulkActionRequest request) {
		BulkOperation operation = this.bulk.start(this.user.getObject().required(),
				new BulkRequest(recordType, request.action(), request.ids(), Boolean.TRUE.equals(request.allMatching()),
						request.filters(), request.field(), request.value(), request.subject(), request.dueDate(),
						request.reason()));
		return ResponseEntity.created(URI.create("/api/v1/bulk/" + operation.id()))
			.body(BulkOperationResource.of(operation));
	}

	@Usage(value = UsageKind.API_CALL, ignore = true)
	@GetMapping("/{id}")
	@Operation(summary = "A bulk operation: its progress, what it refused and why")
	BulkOperationResource get(@PathVariable UUID id) {
		return BulkOperationResource.of(this.bulk.get(this.user.getObject().required(), id));
	}

	@PostMapping("/{id}/undo")
	@Operation(summary = "Undo a bulk operation",
			description = "Reverts each record still as the operation left it; records changed since are skipped "
					+ "and listed. A large operation is undone in the background.")
	BulkOperationResource undo(@PathVariable UUID id) {
		return BulkOperationResource.of(this.bulk.undo(this.user.getObject().required(), id));
	}

	/**
	 * A bulk action as an API client asks for it.
	 */
	record BulkActionRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) BulkAction action, List<UUID> ids,
			Boolean allMatching, Map<String, String> filters, @Schema(example = "ownerId") String field, String value,
			@Schema(maxLength = 255) String subject, LocalDate dueDate,
			@Schema(maxLength = 255, example = "Price",
					description = "for CHANGE to a value that asks for a reason: moving deals (field stageId) to a "
							+ "lost stage takes it as their loss reason, one of GET /api/v1/pick-lists/loss-reason's "
							+ "allowed values") String reason) {
	}

}
