package dev.bellwether.audit.web;

import java.util.UUID;

import dev.bellwether.audit.FieldHistory;
import dev.bellwether.identity.RecordReadChecks;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Field history of accounts, contacts and opportunities. For opportunities the path is
 * {@code field-history}: {@code /api/v1/opportunities/{id}/history} is the sales module's
 * stage history.
 */
@RestController
@Tag(name = "Field history",
		description = "Every change of every field of a record: who, when, old and new value. Readable by whoever "
				+ "may read the record.")
class FieldHistoryApiController {

	private final FieldHistory history;

	private final RecordReadChecks records;

	FieldHistoryApiController(FieldHistory history, RecordReadChecks records) {
		this.history = history;
		this.records = records;
	}

	@GetMapping("/api/v1/accounts/{id}/history")
	@Operation(summary = "Field history of an account", description = "Newest first; sort=changedAt,asc for oldest "
			+ "first. 404 when the account does not exist, is in the recycle bin or is hidden from the caller.")
	ListPage<FieldHistoryResource> account(Viewer viewer, @PathVariable UUID id,
			@PageableDefault(size = 25, sort = "changedAt", direction = Sort.Direction.DESC) Pageable pageable) {
		return page(viewer, "account", id, pageable);
	}

	@GetMapping("/api/v1/contacts/{id}/history")
	@Operation(summary = "Field history of a contact", description = "Newest first; sort=changedAt,asc for oldest "
			+ "first. 404 when the contact does not exist, is in the recycle bin or is hidden from the caller.")
	ListPage<FieldHistoryResource> contact(Viewer viewer, @PathVariable UUID id,
			@PageableDefault(size = 25, sort = "changedAt", direction = Sort.Direction.DESC) Pageable pageable) {
		return page(viewer, "contact", id, pageable);
	}

	@GetMapping("/api/v1/opportunities/{id}/field-history")
	@Operation(summary = "Field history of an opportunity",
			description = "Every field, newest first (the stage history is /api/v1/opportunities/{id}/history). "
					+ "404 when the opportunity does not exist, is in the recycle bin or is hidden from the caller.")
	ListPage<FieldHistoryResource> opportunity(Viewer viewer, @PathVariable UUID id,
			@PageableDefault(size = 25, sort = "changedAt", direction = Sort.Direction.DESC) Pageable pageable) {
		return page(viewer, "opportunity", id, pageable);
	}

	private ListPage<FieldHistoryResource> page(Viewer viewer, String recordType, UUID id, Pageable pageable) {
		this.records.requireRead(viewer, recordType, id);
		return ListPage.of(this.history.of(recordType, id, pageable).map(FieldHistoryResource::of));
	}

}
