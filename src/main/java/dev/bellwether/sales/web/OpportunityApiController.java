package dev.bellwether.sales.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.web.ApiResources;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.ForecastTotal;
import dev.bellwether.sales.LineItem;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.OpportunityFilter;
import dev.bellwether.sales.StageChange;
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
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "Deals. Visible to the owner, everyone above the owner in the manager "
		+ "chain, executives, sales administrators and administrators; changed by the owner, the owner's managers, "
		+ "sales administrators and administrators. A deal you can't see is a 404.")
class OpportunityApiController {

	private final Opportunities opportunities;

	private final Accounts accounts;

	private final UserDirectory users;

	private final ListCursors cursors;

	OpportunityApiController(Opportunities opportunities, Accounts accounts, UserDirectory users, ListCursors cursors) {
		this.cursors = cursors;
		this.opportunities = opportunities;
		this.accounts = accounts;
		this.users = users;
	}

	@Usage(value = UsageKind.VIEW, recordType = "opportunity")
	@GetMapping
	@Operation(summary = "List deals",
			description = "Filter by q (part of the name), accountId, ownerId, team (a manager's id: their deals and "
					+ "their organisation's), stageId, forecastCategory, forecastTotal (COMMIT_FORECAST: Closed and Commit; "
					+ "BEST_CASE_FORECAST: Closed, Commit and Best case; OPEN_PIPELINE: Commit, Best case and Pipeline), "
					+ "closeFrom/closeTo (YYYY-MM-DD), open "
					+ "(true/false), stale and overdue (true); sort by name, amount, closeDate, stage, probability, "
					+ "createdAt, updatedAt or lastTouchedAt. page.totalElements is exact up to 2,000 deals past the page (500 "
					+ "past a page reached by cursor); "
					+ "beyond, page.totalCapped is true and the total is a lower bound, unless exactTotal=true. Custom "
					+ "fields: filter by cf.<key>=value (cf.<key>.from and cf.<key>.to for numbers and dates), sort by "
					+ "cf.<key>.")
	ListPage<OpportunityResource> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) UUID accountId, @RequestParam(required = false) UUID ownerId,
			@RequestParam(required = false) UUID team, @RequestParam(required = false) UUID stageId,
			@RequestParam(required = false) ForecastCategory forecastCategory,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeTo,
			@RequestParam(required = false) Boolean open, @RequestParam(defaultValue = "false") boolean stale,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) ForecastTotal forecastTotal,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@Parameter(description = ListPage.CURSOR) @RequestParam(required = false) String cursor,
			@PageableDefault(size = 25, sort = "closeDate") Pageable pageable, HttpServletRequest http) {
		OpportunityFilter filter = new OpportunityFilter(q, accountId, ownerId, team, stageId, forecastCategory,
				closeFrom, closeTo, open, stale, overdue, forecastTotal);
		return resources(this.opportunities.list(viewer, filter, CustomFilter.of(http.getParameterMap()),
				this.cursors.request(pageable, exactTotal, cursor)));
	}

	@GetMapping("/deleted")
	@Operation(summary = "List deals in the recycle bin")
	ListPage<OpportunityResource> deleted(Viewer viewer,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@PageableDefault(size = 25) Pageable pageable) {
		return resources(this.opportunities.deleted(viewer, PagedQuery.exactTotal(pageable, exactTotal)));
	}

	@Usage(value = UsageKind.VIEW, recordType = "opportunity")
	@GetMapping("/{id}")
	@Operation(summary = "Get one deal")
	OpportunityResource get(Viewer viewer, @PathVariable UUID id) {
		return resource(this.opportunities.get(viewer, id));
	}

	@PostMapping
	@Operation(summary = "Create a deal",
			description = "ownerId defaults to the caller; probability and forecastCategory default from the stage; "
					+ "lossReason is required for a lost stage; closeDate as YYYY-MM-DD.")
	ResponseEntity<OpportunityResource> create(Viewer viewer, @RequestBody OpportunityRequest request) {
		Inputs inputs = new Inputs();
		OpportunityDetails details = request.toDetails(viewer.id(), inputs);
		Opportunity created = inputs.submit(
				() -> this.opportunities.check(viewer, null, details, request.customFields()),
				() -> this.opportunities.create(viewer, details, request.customFields()));
		return ResponseEntity.created(URI.create("/api/v1/opportunities/" + created.id())).body(resource(created));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Update a deal",
			description = "Send every field and the version you read; a stale version gives 409 Conflict. Without "
					+ "ownerId the owner stays; when the stage changes, a probability or forecast category sent "
					+ "unchanged takes the new stage's default.")
	OpportunityResource update(Viewer viewer, @PathVariable UUID id, @RequestBody OpportunityRequest request) {
		Opportunity current = this.opportunities.get(viewer, id);
		long version = requireVersion(request.version());
		Inputs inputs = new Inputs();
		OpportunityDetails details = request.toDetails(current.ownerId(), inputs);
		return resource(inputs.submit(() -> this.opportunities.check(viewer, id, details, request.customFields()),
				() -> this.opportunities.update(viewer, id, version, details, request.customFields())));
	}

	@PostMapping("/{id}/stage")
	@Operation(summary = "Move a deal to another stage",
			description = "With the version read (409 when stale) and, for a lost stage, the lossReason (and its "
					+ "lossReasonDetail when the reason is \"Other\"). "
					+ "Probability and forecast category take the new stage's defaults.")
	OpportunityResource move(Viewer viewer, @PathVariable UUID id, @RequestBody StageMoveRequest request) {
		this.opportunities.get(viewer, id);
		return resource(this.opportunities.changeStage(viewer, id, request.stageId(), requireVersion(request.version()),
				request.lossReason(), request.lossReasonDetail()));
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "The deal's stage history",
			description = "Every change of stage, amount, close date, probability or forecast category, with the "
					+ "values before and after, who and when; newest first, the creation last.")
	List<StageChange> history(Viewer viewer, @PathVariable UUID id) {
		return this.opportunities.history(viewer, id);
	}

	@GetMapping("/{id}/line-items")
	@Operation(summary = "The deal's line items")
	List<LineItemResource> lineItems(Viewer viewer, @PathVariable UUID id) {
		return this.opportunities.lineItems(viewer, id).stream().map(LineItemResource::of).toList();
	}

	@PostMapping("/{id}/line-items")
	@Operation(summary = "Add a product to a deal",
			description = "unitPrice defaults to the list price. When the deal's amount comes from its line items, "
					+ "the amount follows.")
	ResponseEntity<LineItemResource> addLineItem(Viewer viewer, @PathVariable UUID id,
			@RequestBody LineItemRequest request) {
		LineItem item = this.opportunities.addLineItem(viewer, id, request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/opportunities/" + id + "/line-items/" + item.id()))
			.body(LineItemResource.of(item));
	}

	@PutMapping("/{id}/line-items/{itemId}")
	@Operation(summary = "Change a line item", description = "With the line item's version (409 when stale).")
	LineItemResource updateLineItem(Viewer viewer, @PathVariable UUID id, @PathVariable UUID itemId,
			@RequestBody LineItemRequest request) {
		return LineItemResource.of(this.opportunities.updateLineItem(viewer, id, itemId,
				requireVersion(request.version()), request.toDetails()));
	}

	@DeleteMapping("/{id}/line-items/{itemId}")
	@Operation(summary = "Remove a line item")
	ResponseEntity<Void> removeLineItem(Viewer viewer, @PathVariable UUID id, @PathVariable UUID itemId) {
		return ApiResources.noContent(() -> this.opportunities.removeLineItem(viewer, id, itemId));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Move a deal to the recycle bin")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.opportunities.delete(viewer, id));
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Restore a deal from the recycle bin",
			description = "A deal deleted with its account comes back with the account only.")
	OpportunityResource restore(Viewer viewer, @PathVariable UUID id) {
		return resource(this.opportunities.restore(viewer, id));
	}

	@DeleteMapping("/{id}/purge")
	@Operation(summary = "Delete a deal from the recycle bin for good (administrators)")
	ResponseEntity<Void> purge(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.opportunities.purge(viewer, id));
	}

	private static long requireVersion(Long version) {
		return ApiResources.requireVersion(version, "deal");
	}

	private OpportunityResource resource(Opportunity deal) {
		return OpportunityResource.of(deal, this.accounts.namesOf(Set.of(deal.accountId())),
				this.users.namesOf(Set.of(deal.ownerId())));
	}

	private ListPage<OpportunityResource> resources(Page<Opportunity> page) {
		Set<UUID> accountIds = page.getContent().stream().map(Opportunity::accountId).collect(Collectors.toSet());
		Set<UUID> owners = new HashSet<>();
		page.getContent().forEach(o -> owners.add(o.ownerId()));
		Map<UUID, String> accountNames = this.accounts.namesOf(accountIds);
		Map<UUID, String> ownerNames = this.users.namesOf(owners);
		return ListPage.of(page.map(o -> OpportunityResource.of(o, accountNames, ownerNames)));
	}

}
