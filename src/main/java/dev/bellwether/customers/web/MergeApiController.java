package dev.bellwether.customers.web;

import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.CustomerMerge;
import dev.bellwether.customers.CustomerMerges;
import dev.bellwether.customers.MergeRequest;
import dev.bellwether.customers.MergeResult;
import dev.bellwether.customers.MergeSide;
import dev.bellwether.customers.MergeUndoResult;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.web.ApiResources;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merging duplicate accounts and contacts, and undoing a merge.
 */
@RestController
@Tag(name = "Merges", description = "Merge a duplicate account or contact into the one that stays, and undo it. "
		+ "The caller must be able to change both records.")
class MergeApiController {

	private final CustomerMerges merges;

	MergeApiController(CustomerMerges merges) {
		this.merges = merges;
	}

	@PostMapping("/api/v1/accounts/{id}/merge")
	@Operation(summary = "Merge this account into another",
			description = "This account goes to the recycle bin (restorable, pointing at the survivor); its contacts, "
					+ "child accounts, deals and activities move to the survivor. Per field, fields says whose value "
					+ "the survivor keeps (SURVIVOR or LOSER); a field not named keeps the survivor's, or this "
					+ "account's when the survivor has none. Stale versions give 409.")
	MergeResult mergeAccount(Viewer viewer, @PathVariable UUID id, @RequestBody MergeBody body) {
		return this.merges.mergeAccounts(viewer, body.toRequest(id, "account"));
	}

	@PostMapping("/api/v1/contacts/{id}/merge")
	@Operation(summary = "Merge this contact into another",
			description = "This contact goes to the recycle bin (restorable, pointing at the survivor); deals naming "
					+ "it as primary contact and its activities move to the survivor. fields and versions as for "
					+ "accounts.")
	MergeResult mergeContact(Viewer viewer, @PathVariable UUID id, @RequestBody MergeBody body) {
		return this.merges.mergeContacts(viewer, body.toRequest(id, "contact"));
	}

	@GetMapping("/api/v1/merges/{id}")
	@Operation(summary = "Get a merge", description = "With the records an undo left alone, if it was undone.")
	CustomerMerge get(Viewer viewer, @PathVariable UUID id) {
		return this.merges.get(viewer, id);
	}

	@PostMapping("/api/v1/merges/{id}/undo")
	@Operation(summary = "Undo a merge",
			description = "Restores the merged record and moves back what the merge moved; records changed since "
					+ "the merge are left as they are and listed in kept.")
	MergeUndoResult undo(Viewer viewer, @PathVariable UUID id) {
		return this.merges.undo(viewer, id);
	}

	/**
	 * @param survivorId the record that stays
	 * @param survivorVersion the version of the survivor read
	 * @param version the version of the record merged away (the one in the path) read
	 * @param fields per field, whose value to keep
	 */
	record MergeBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID survivorId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long survivorVersion,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long version, Map<String, MergeSide> fields) {

		MergeRequest toRequest(UUID loserId, String recordType) {
			return new MergeRequest(this.survivorId, ApiResources.requireVersion(this.survivorVersion, recordType),
					loserId, ApiResources.requireVersion(this.version, recordType), this.fields);
		}

	}

}
