package dev.bellwether.customers.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountFilter;
import dev.bellwether.customers.Accounts;
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
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Companies you sell to. Readable by every user; changed by the owner, the "
		+ "owner's managers, sales administrators and administrators.")
class AccountApiController {

	private final Accounts accounts;

	private final UserDirectory users;

	private final ListCursors cursors;

	private final CustomerDuplicates duplicates;

	AccountApiController(Accounts accounts, UserDirectory users, ListCursors cursors, CustomerDuplicates duplicates) {
		this.duplicates = duplicates;
		this.cursors = cursors;
		this.accounts = accounts;
		this.users = users;
	}

	@Usage(value = UsageKind.VIEW, recordType = "account")
	@GetMapping
	@Operation(summary = "List accounts",
			description = "Filter by q (part of name or domain), industry, country (ISO code) and ownerId; sort by "
					+ "name, industry, country, city, employees, annualRevenue, createdAt, updatedAt or lastTouchedAt "
					+ "(the last update or activity logged). Custom fields: filter by cf.<key>=value (cf.<key>.from "
					+ "and cf.<key>.to for numbers and dates), sort by cf.<key>.")
	ListPage<AccountResource> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) String industry, @RequestParam(required = false) String country,
			@RequestParam(required = false) UUID ownerId,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@Parameter(description = ListPage.CURSOR) @RequestParam(required = false) String cursor,
			@PageableDefault(size = 25, sort = "name") Pageable pageable, HttpServletRequest http) {
		return resources(this.accounts.list(viewer, new AccountFilter(q, industry, country, ownerId),
				CustomFilter.of(http.getParameterMap()), this.cursors.request(pageable, exactTotal, cursor)));
	}

	@GetMapping("/deleted")
	@Operation(summary = "List accounts in the recycle bin")
	ListPage<AccountResource> deleted(Viewer viewer,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@PageableDefault(size = 25) Pageable pageable) {
		return resources(this.accounts.deleted(viewer, PagedQuery.exactTotal(pageable, exactTotal)));
	}

	@Usage(value = UsageKind.VIEW, recordType = "account")
	@GetMapping("/{id}")
	@Operation(summary = "Get one account")
	AccountResource get(Viewer viewer, @PathVariable UUID id) {
		return resource(this.accounts.get(viewer, id));
	}

	@GetMapping("/duplicates")
	@Operation(summary = "Check a new account for duplicates",
			description = "The accounts an account with this name and website would duplicate, by the duplicate "
					+ "detection's rules: the same name once case, punctuation and legal forms (Inc, Ltd, GmbH …) are "
					+ "left out, or the same domain. Most likely first, at most 5. An account you may not see is "
					+ "listed without its id and name.")
	List<PossibleDuplicateResource> duplicates(Viewer viewer, @RequestParam(required = false) String name,
			@RequestParam(required = false) String website) {
		return PossibleDuplicateResource.of(this.duplicates.forNewAccount(viewer, name, website));
	}

	@PostMapping
	@Operation(summary = "Create an account",
			description = "ownerId defaults to the caller. The account is created even when it may duplicate one "
					+ "(see GET /api/v1/accounts/duplicates), unless refuseDuplicates=true: then a possible duplicate "
					+ "is a 409 listing them in duplicates, and nothing is created.")
	ResponseEntity<AccountResource> create(Viewer viewer, @RequestBody AccountRequest request,
			@Parameter(description = "Refuse to create an account that may duplicate one (409)") @RequestParam(
					defaultValue = "false") boolean refuseDuplicates) {
		if (refuseDuplicates) {
			PossibleDuplicateResource.refuseAny(Accounts.RECORD_TYPE,
					this.duplicates.forNewAccount(viewer, request.name(), request.website()));
		}
		Account account = this.accounts.create(viewer, request.toDetails(viewer.id()), request.customFields());
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(resource(account));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Update an account",
			description = "Send every field and the version you read; a stale version gives 409 Conflict. "
					+ "Without ownerId the owner stays as it is.")
	AccountResource update(Viewer viewer, @PathVariable UUID id, @RequestBody AccountRequest request) {
		long version = ApiResources.requireVersion(request.version(), "account");
		UUID currentOwner = this.accounts.get(viewer, id).ownerId();
		return resource(
				this.accounts.update(viewer, id, version, request.toDetails(currentOwner), request.customFields()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Move an account (and its contacts) to the recycle bin")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.accounts.delete(viewer, id));
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Restore an account (and the contacts deleted with it) from the recycle bin")
	AccountResource restore(Viewer viewer, @PathVariable UUID id) {
		return resource(this.accounts.restore(viewer, id));
	}

	@DeleteMapping("/{id}/purge")
	@Operation(summary = "Delete an account from the recycle bin for good (administrators)")
	ResponseEntity<Void> purge(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.accounts.purge(viewer, id));
	}

	private AccountResource resource(Account account) {
		return ApiResources.one(account, Account::ownerId, this.users::namesOf, AccountResource::of);
	}

	private ListPage<AccountResource> resources(Page<Account> page) {
		return ApiResources.page(page, Account::ownerId, this.users::namesOf, AccountResource::of);
	}

}
