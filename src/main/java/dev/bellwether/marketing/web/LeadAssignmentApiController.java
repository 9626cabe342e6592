package dev.bellwether.marketing.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.LeadAssignment;
import dev.bellwether.marketing.LeadAssignmentAction;
import dev.bellwether.marketing.LeadAssignmentEntry;
import dev.bellwether.marketing.LeadAssignmentRule;
import dev.bellwether.marketing.LeadAssignmentRuleDetails;
import dev.bellwether.marketing.LeadAssignmentRules;
import dev.bellwether.marketing.LeadDetails;
import dev.bellwether.marketing.Leads;
import dev.bellwether.marketing.RuleAssignment;
import dev.bellwether.marketing.WorldRegion;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.ApiResources;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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

/**
 * The assignment rules' API (kept by marketing, sales administrators and administrators),
 * "reassign by rules" on a lead, and a lead's assignment log.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Lead assignment",
		description = "Rules that choose the owner of a lead created without one: tried in order, the first active "
				+ "rule whose criteria (sources, countries, world region; empty matches any) all match gives the lead "
				+ "to a user or round-robin within a team. Rules are kept by marketing, sales administrators and "
				+ "administrators.")
class LeadAssignmentApiController {

	private final LeadAssignmentRules rules;

	private final LeadAssignment assignment;

	private final UserDirectory users;

	LeadAssignmentApiController(LeadAssignmentRules rules, LeadAssignment assignment, UserDirectory users) {
		this.rules = rules;
		this.assignment = assignment;
		this.users = users;
	}

	record RuleRequest(String name, Boolean active, List<String> sources, List<String> countries, WorldRegion region,
			LeadAssignmentAction action, UUID assigneeId, String team, Long version) {

		LeadAssignmentRuleDetails toDetails() {
			return new LeadAssignmentRuleDetails(this.name, this.active == null || this.active, this.sources,
					this.countries, this.region, this.action, this.assigneeId, this.team);
		}

	}

	record TestRequest(String source, String country) {
	}

	record TestResult(boolean matched, UUID ruleId, String ruleName, UUID ownerId, String ownerName) {
	}

	@GetMapping("/lead-assignment-rules")
	@Operation(summary = "List the assignment rules in the order they are tried")
	List<LeadAssignmentRule> list(Viewer viewer) {
		return this.rules.list(viewer);
	}

	@GetMapping("/lead-assignment-rules/{id}")
	@Operation(summary = "Get one assignment rule")
	LeadAssignmentRule get(Viewer viewer, @PathVariable UUID id) {
		return this.rules.get(viewer, id);
	}

	@PostMapping("/lead-assignment-rules")
	@Operation(summary = "Add an assignment rule at the end of the order",
			description = "action USER needs assigneeId (an active sales person); ROUND_ROBIN needs team (a team of "
					+ "active sales people). sources: lead-source pick list values; countries: ISO codes; region: "
					+ "AMER, EMEA or APAC. active defaults to true.")
	ResponseEntity<LeadAssignmentRule> create(Viewer viewer, @RequestBody RuleRequest request) {
		LeadAssignmentRule rule = this.rules.create(viewer, request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/lead-assignment-rules/" + rule.id())).body(rule);
	}

	@PutMapping("/lead-assignment-rules/{id}")
	@Operation(summary = "Update an assignment rule", description = "Send every field and the version you read.")
	LeadAssignmentRule update(Viewer viewer, @PathVariable UUID id, @RequestBody RuleRequest request) {
		long version = ApiResources.requireVersion(request.version(), LeadAssignmentRules.RECORD_TYPE);
		return this.rules.update(viewer, id, version, request.toDetails());
	}

	@DeleteMapping("/lead-assignment-rules/{id}")
	@Operation(summary = "Delete an assignment rule")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.rules.delete(viewer, id));
	}

	@PostMapping("/lead-assignment-rules/{id}/move")
	@Operation(summary = "Move a rule one place up or down the order", description = "direction: up or down.")
	LeadAssignmentRule move(Viewer viewer, @PathVariable UUID id, @RequestParam String direction) {
		return this.rules.move(viewer, id, "up".equalsIgnoreCase(direction) ? -1 : 1);
	}

	@PostMapping("/lead-assignment-rules/test")
	@Operation(summary = "Which rule a lead would match, and who would get it",
			description = "Takes no round-robin turn.")
	TestResult test(Viewer viewer, @RequestBody TestRequest request) {
		this.rules.list(viewer);
		return this.assignment
			.preview(new LeadDetails(null, "Test", null, null, null, null, request.country(), request.source(), null,
					null, null, null))
			.map((RuleAssignment r) -> new TestResult(true, r.ruleId(), r.ruleName(), r.ownerId(),
					this.users.get(r.ownerId()).fullName()))
			.orElse(new TestResult(false, null, null, null, null));
	}

	@Usage(value = UsageKind.UPDATE, recordType = Leads.RECORD_TYPE)
	@PostMapping("/leads/{id}/assign")
	@Operation(summary = "Reassign a lead by the rules",
			description = "Gives the lead to the owner the rules choose now (logged, in its field history, the new "
					+ "owner notified). No rule matching is a 400 naming ownerId; the owner stays.")
	LeadResource reassign(Viewer viewer, @PathVariable UUID id) {
		Lead lead = this.assignment.reassign(viewer, id);
		return ApiResources.one(lead, Lead::ownerId, this.users::namesOf, LeadResource::of);
	}

	@GetMapping("/leads/{id}/assignments")
	@Operation(summary = "A lead's assignment log, newest first")
	List<LeadAssignmentEntry> assignments(Viewer viewer, @PathVariable UUID id) {
		return this.assignment.history(viewer, id);
	}

}
