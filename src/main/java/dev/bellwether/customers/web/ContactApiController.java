package dev.bellwether.customers.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactFilter;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.CustomerDuplicates;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.web.ApiResources;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.ListCursors;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.customfield.CustomFilter;
import jakarta.servlet.http.HttpServletRequest;
import dev.bellwether.platform.web.ListPage;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts", description = "People at the accounts you sell to. Readable by every user; changed by the "
		+ "owner, the owner's managers, sales administrators and administrators.")
class ContactApiController {

	private final Contacts contacts;

	private final UserDirectory users;

	private final ListCursors cursors;

	private final CustomerDuplicates duplicates;

	ContactApiController(Contacts contacts, UserDirectory users, ListCursors cursors, CustomerDuplicates duplicates) {
		this.duplicates = duplicates;
		this.cursors = cursors;
		this.contacts = contacts;
		this.users = users;
	}

	@Usage(value = UsageKind.VIEW, recordType = "contact")
	@GetMapping
	@Operation(summary = "List contacts",
			description = "Filter by q (part of name or e-mail address), accountId and ownerId; sort by name, "
					+ "firstName, lastName, title, email, account, createdAt, updatedAt or lastTouchedAt (the last update or "
					+ "activity logged). Custom fields: filter by cf.<key>=value (cf.<key>.from and cf.<key>.to for "
					+ "numbers and dates), sort by cf.<key>.")
	ListPage<ContactResource> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) UUID accountId, @RequestParam(required = false) UUID ownerId,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@Parameter(description = ListPage.CURSOR) @RequestParam(required = false) String cursor,
			@PageableDefault(size = 25, sort = "name") Pageable pageable, HttpServletRequest http) {
		return resources(this.contacts.list(viewer, new ContactFilter(q, accountId, ownerId),
				CustomFilter.of(http.getParameterMap()), this.cursors.request(pageable, exactTotal, cursor)));
	}

	@GetMapping("/deleted")
	@Operation(summary = "List contacts in the recycle bin")
	ListPage<ContactResource> deleted(Viewer viewer,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@PageableDefault(size = 25) Pageable pageable) {
		return resources(this.contacts.deleted(viewer, PagedQuery.exactTotal(pageable, exactTotal)));
	}

	@Usage(value = UsageKind.VIEW, recordType = "contact")
	@GetMapping("/{id}")
	@Operation(summary = "Get one contact")
	ContactResource get(Viewer viewer, @PathVariable UUID id) {
		return resource(this.contacts.get(viewer, id));
	}

	@GetMapping("/duplicates")
	@Operation(summary = "Check a new contact for duplicates",
			description = "The contacts a contact with these details would duplicate, by the duplicate detection's "
					+ "rules: the same e-mail address (whatever the case), or the same full name (case and "
					+ "punctuation left out) at the same account. Most likely first, at most 5. A contact you may not "
					+ "see is listed without its id and name.")
	List<PossibleDuplicateResource> duplicates(Viewer viewer, @RequestParam(required = false) String email,
			@RequestParam(required = false) String firstName, @RequestParam(required = false) String lastName,
			@RequestParam(required = false) UUID accountId) {
		return PossibleDuplicateResource
			.of(this.duplicates.forNewContact(viewer, email, firstName, lastName, accountId));
	}

	@PostMapping
	@Operation(summary = "Create a contact",
			description = "ownerId defaults to the caller. The contact is created even when it may duplicate one "
					+ "(see GET /api/v1/contacts/duplicates), unless refuseDuplicates=true: then a possible duplicate "
					+ "is a 409 listing them in duplicates, and nothing is created.")
	ResponseEntity<ContactResource> create(Viewer viewer, @RequestBody ContactRequest request,
			@Parameter(description = "Refuse to create a contact that may duplicate one (409)") @RequestParam(
					defaultValue = "false") boolean refuseDuplicates) {
		if (refuseDuplicates) {
			PossibleDuplicateResource.refuseAny(Contacts.RECORD_TYPE, this.duplicates.forNewContact(viewer,
					request.email(), request.firstName(), request.lastName(), request.accountId()));
		}
		Contact contact = this.contacts.create(viewer, request.toDetails(viewer.id()), request.customFields());
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id())).body(resource(contact));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Update a contact",
			description = "Send every field and the version you read; a stale version gives 409 Conflict. "
					+ "Without ownerId the owner stays as it is.")
	ContactResource update(Viewer viewer, @PathVariable UUID id, @RequestBody ContactRequest request) {
		long version = ApiResources.requireVersion(request.version(), "contact");
		UUID currentOwner = this.contacts.get(viewer, id).ownerId();
		return resource(
				this.contacts.update(viewer, id, version, request.toDetails(currentOwner), request.customFields()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Move a contact to the recycle bin")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.contacts.delete(viewer, id));
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Restore a contact from the recycle bin")
	ContactResource restore(Viewer viewer, @PathVariable UUID id) {
		return resource(this.contacts.restore(viewer, id));
	}

	@DeleteMapping("/{id}/purge")
	@Operation(summary = "Delete a contact from the recycle bin for good (administrators)")
	ResponseEntity<Void> purge(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.contacts.purge(viewer, id));
	}

	private ContactResource resource(Contact contact) {
		return ApiResources.one(contact, Contact::ownerId, this.users::namesOf, ContactResource::of);
	}

	private ListPage<ContactResource> resources(Page<Contact> page) {
		return ApiResources.page(page, Contact::ownerId, this.users::namesOf, ContactResource::of);
	}

}
