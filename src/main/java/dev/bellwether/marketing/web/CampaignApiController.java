package dev.bellwether.marketing.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Campaign;
import dev.bellwether.marketing.CampaignCost;
import dev.bellwether.marketing.CampaignCostRollup;
import dev.bellwether.marketing.CampaignCosts;
import dev.bellwether.marketing.CampaignFilter;
import dev.bellwether.marketing.CampaignMember;
import dev.bellwether.marketing.CampaignMemberAddition;
import dev.bellwether.marketing.CampaignMemberStatus;
import dev.bellwether.marketing.CampaignMemberType;
import dev.bellwether.marketing.CampaignMembers;
import dev.bellwether.marketing.CampaignStatus;
import dev.bellwether.marketing.Campaigns;
import dev.bellwether.platform.PagedQuery;
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
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Marketing campaigns, their hierarchy, actual cost lines and members. "
		+ "Marketing, sales administrators, executives and administrators read every campaign, managers and reps "
		+ "read them too; marketing, sales administrators and administrators change them.")
class CampaignApiController {

	private final Campaigns campaigns;

	private final CampaignCosts costs;

	private final CampaignMembers members;

	private final CampaignMemberNames memberNames;

	private final UserDirectory users;

	CampaignApiController(Campaigns campaigns, CampaignCosts costs, CampaignMembers members,
			CampaignMemberNames memberNames, UserDirectory users) {
		this.campaigns = campaigns;
		this.costs = costs;
		this.members = members;
		this.memberNames = memberNames;
		this.users = users;
	}

	@GetMapping
	@Operation(summary = "List campaigns",
			description = "Filter by q (part of the name), status, type (campaign-type pick list) and year (running "
					+ "at some time in that calendar year); sort by name, status, type, startDate, endDate, budget, "
					+ "actualCost, createdAt or updatedAt.")
	ListPage<CampaignResource> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) CampaignStatus status, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer year,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@PageableDefault(size = 25, sort = "startDate", direction = Sort.Direction.DESC) Pageable pageable) {
		Page<Campaign> page = this.campaigns.list(viewer, new CampaignFilter(q, status, type, year),
				PagedQuery.exactTotal(pageable, exactTotal));
		return ApiResources.page(page, Campaign::ownerId, this.users::namesOf, CampaignResource::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get one campaign")
	CampaignResource get(Viewer viewer, @PathVariable UUID id) {
		return resource(this.campaigns.get(viewer, id));
	}

	@GetMapping("/{id}/rollup")
	@Operation(summary = "A campaign's budget against its actual cost",
			description = "ownCost sums its own cost lines; costWithSubCampaigns adds every campaign under it, at any "
					+ "depth; remaining is the budget less costWithSubCampaigns.")
	Map<String, Object> rollup(Viewer viewer, @PathVariable UUID id) {
		CampaignCostRollup rollup = this.campaigns.rollup(viewer, id);
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("budget", rollup.budget());
		body.put("ownCost", rollup.ownCost());
		body.put("costWithSubCampaigns", rollup.costWithSubCampaigns());
		body.put("remaining", rollup.remaining());
		body.put("subCampaigns", rollup.subCampaigns());
		return body;
	}

	@PostMapping
	@Operation(summary = "Create a campaign", description = "status defaults to PLANNED, ownerId to the caller.")
	ResponseEntity<CampaignResource> create(Viewer viewer, @RequestBody CampaignRequest request) {
		Campaign campaign = this.campaigns.create(viewer, request.toDetails(CampaignStatus.PLANNED));
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(resource(campaign));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Update a campaign",
			description = "Send every field and the version you read; a stale version gives 409 Conflict. "
					+ "Without ownerId the owner stays as it is.")
	CampaignResource update(Viewer viewer, @PathVariable UUID id, @RequestBody CampaignRequest request) {
		long version = ApiResources.requireVersion(request.version(), "campaign");
		return resource(this.campaigns.update(viewer, id, version, request.toDetails(null)));
	}

	@GetMapping("/{id}/costs")
	@Operation(summary = "List a campaign's actual cost lines", description = "Latest first.")
	List<CampaignCost> costs(Viewer viewer, @PathVariable UUID id) {
		return this.costs.list(viewer, id);
	}

	@PostMapping("/{id}/costs")
	@Operation(summary = "Add an actual cost line",
			description = "Refused (400) with a negative amount, and on a COMPLETED or ABORTED campaign.")
	ResponseEntity<CampaignCost> addCost(Viewer viewer, @PathVariable UUID id,
			@RequestBody CampaignCostRequest request) {
		CampaignCost cost = this.costs.add(viewer, id, request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/costs/" + cost.id())).body(cost);
	}

	@DeleteMapping("/{id}/costs/{costId}")
	@Operation(summary = "Remove a cost line")
	ResponseEntity<Void> removeCost(Viewer viewer, @PathVariable UUID id, @PathVariable UUID costId) {
		return ApiResources.noContent(() -> this.costs.remove(viewer, id, costId));
	}

	@GetMapping("/{id}/members")
	@Operation(summary = "List a campaign's members", description = "Filter by status; newest first.")
	ListPage<CampaignMemberResource> members(Viewer viewer, @PathVariable UUID id,
			@RequestParam(required = false) CampaignMemberStatus status,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@PageableDefault(size = 50) Pageable pageable) {
		Page<CampaignMember> page = this.members.list(viewer, id, status, PagedQuery.exactTotal(pageable, exactTotal));
		Map<UUID, String> names = this.memberNames.of(viewer, page.getContent());
		return ListPage.of(page.map(m -> CampaignMemberResource.of(m, names)));
	}

	@PostMapping("/{id}/members")
	@Operation(summary = "Add members in bulk",
			description = "Send memberType and memberIds (leads' ids are taken as sent for now; contacts' are "
					+ "checked), or emails (contacts). The answer has one result per distinct id or address: ADDED, "
					+ "ALREADY_MEMBER or NOT_FOUND, with the counts of each.")
	Map<String, Object> addMembers(Viewer viewer, @PathVariable UUID id, @RequestBody CampaignMembersRequest request) {
		List<CampaignMemberAddition> results = (request.emails() != null && request.memberIds() == null)
				? this.members.addByEmail(viewer, id, request.memberType(), request.emails(), request.status())
				: this.members.add(viewer, id, request.memberType(), request.memberIds(), request.status());
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		for (CampaignMemberAddition.Outcome outcome : CampaignMemberAddition.Outcome.values()) {
			body.put(outcome.name(), results.stream().filter(r -> r.outcome() == outcome).count());
		}
		body.put("results", results);
		return body;
	}

	@PutMapping("/{id}/members/{memberId}")
	@Operation(summary = "Move a member on to a later status",
			description = "memberId is the membership's id (id in the member list). Statuses only move forward "
					+ "(SENT, OPENED, RESPONDED, ATTENDED); the time each was first reached is kept.")
	CampaignMemberResource changeStatus(Viewer viewer, @PathVariable UUID id, @PathVariable UUID memberId,
			@RequestBody CampaignMembersRequest.StatusChange request) {
		CampaignMember member = this.members.changeStatus(viewer, id, memberId, request.status(), request.at());
		return CampaignMemberResource.of(member, this.memberNames.of(viewer, List.of(member)));
	}

	@DeleteMapping("/{id}/members/{memberId}")
	@Operation(summary = "Remove a member from the campaign")
	ResponseEntity<Void> removeMember(Viewer viewer, @PathVariable UUID id, @PathVariable UUID memberId) {
		return ApiResources.noContent(() -> this.members.remove(viewer, id, memberId));
	}

	private CampaignResource resource(Campaign campaign) {
		return ApiResources.one(campaign, Campaign::ownerId, this.users::namesOf, CampaignResource::of);
	}

}
