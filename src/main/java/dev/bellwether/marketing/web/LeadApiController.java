package dev.bellwether.marketing.web;

import java.net.URI;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.LeadFilter;
import dev.bellwether.marketing.Leads;
import dev.bellwether.platform.ListCursors;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.ApiResources;
import dev.bellwether.platform.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads", description = "People and companies marketing brings in for sales to work. Seen by their "
		+ "owner and the managers above them, and by marketing, sales administrators, executives and administrators; "
		+ "changed by the owner, the owner's managers, marketing, sales administrators and administrators. A lead "
		+ "someone may not see is a 404, as one that does not exist.")
class LeadApiController {

	private final Leads leads;

	private final UserDirectory users;

	private final ListCursors cursors;

	LeadApiController(Leads leads, UserDirectory users, ListCursors cursors) {
		this.leads = leads;
		this.users = users;
		this.cursors = cursors;
	}

	@Usage(value = UsageKind.VIEW, recordType = Leads.RECORD_TYPE)
	@GetMapping
	@Operation(summary = "List leads",
			description = "Filter by q (part of the name, company or e-mail), status (NEW, WORKING, QUALIFIED, "
					+ "DISQUALIFIED, or open for new and working), source, country (ISO code) and ownerId; sort by "
					+ "name, company, email, status, source, country, createdAt, updatedAt or lastTouchedAt. "
					+ "Newest first unless sorted.")
	ListPage<LeadResource> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String source,
			@RequestParam(required = false) String country, @RequestParam(required = false) UUID ownerId,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@Parameter(description = ListPage.CURSOR) @RequestParam(required = false) String cursor,
			@PageableDefault(size = 25, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
		return resources(this.leads.list(viewer, new LeadFilter(q, status, source, country, ownerId),
				this.cursors.request(pageable, exactTotal, cursor)));
	}

	@GetMapping("/deleted")
	@Operation(summary = "List leads in the recycle bin")
	ListPage<LeadResource> deleted(Viewer viewer,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@PageableDefault(size = 25) Pageable pageable) {
		return resources(this.leads.deleted(viewer, PagedQuery.exactTotal(pageable, exactTotal)));
	}

	@Usage(value = UsageKind.VIEW, recordType = Leads.RECORD_TYPE)
	@GetMapping("/{id}")
	@Operation(summary = "Get one lead")
	LeadResource get(Viewer viewer, @PathVariable UUID id) {
		return resource(this.leads.get(viewer, id));
	}

	@PostMapping
	@Operation(summary = "Create a lead",
			description = "Without ownerId the assignment rules choose the owner; when none matches, the caller owns "
					+ "the lead if they may own leads (else a 400 naming ownerId). status defaults to NEW.")
	ResponseEntity<LeadResource> create(Viewer viewer, @RequestBody LeadRequest request) {
		Lead lead = this.leads.create(viewer, request.toDetails(null));
		return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id())).body(resource(lead));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Update a lead",
			description = "Send every field and the version you read; a stale version gives 409 Conflict. Without "
					+ "ownerId the owner stays, without status the status. A status move that is not allowed, or "
					+ "DISQUALIFIED without a disqualifyReason, is a 400 naming the field.")
	LeadResource update(Viewer viewer, @PathVariable UUID id, @RequestBody LeadRequest request) {
		long version = ApiResources.requireVersion(request.version(), Leads.RECORD_TYPE);
		UUID currentOwner = this.leads.get(viewer, id).ownerId();
		return resource(this.leads.update(viewer, id, version, request.toDetails(currentOwner)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Move a lead to the recycle bin")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.leads.delete(viewer, id));
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Restore a lead from the recycle bin")
	LeadResource restore(Viewer viewer, @PathVariable UUID id) {
		return resource(this.leads.restore(viewer, id));
	}

	@DeleteMapping("/{id}/purge")
	@Operation(summary = "Delete a lead from the recycle bin for good (administrators)")
	ResponseEntity<Void> purge(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.leads.purge(viewer, id));
	}

	private LeadResource resource(Lead lead) {
		return ApiResources.one(lead, Lead::ownerId, this.users::namesOf, LeadResource::of);
	}

	private ListPage<LeadResource> resources(Page<Lead> page) {
		return ApiResources.page(page, Lead::ownerId, this.users::namesOf, LeadResource::of);
	}

}
