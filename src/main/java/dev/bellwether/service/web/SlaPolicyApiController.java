package dev.bellwether.service.web;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.web.ApiResources;
import dev.bellwether.service.AccountTier;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.ServiceAccountTiers;
import dev.bellwether.service.SlaPolicies;
import dev.bellwether.service.SlaPolicy;
import dev.bellwether.service.SlaPolicyDetails;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * SLA policies and accounts' service tiers (docs/service.md, "SLAs").
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "SLA policies",
		description = "First-response and resolution targets per case priority, in business minutes of a business "
				+ "calendar, for the accounts of a service tier (or any tier). A case takes the active policy of its "
				+ "account's tier, else the active policy for any tier. Administrators change them; service users, "
				+ "managers and executives read them.")
class SlaPolicyApiController {

	private final SlaPolicies policies;

	private final ServiceAccountTiers tiers;

	SlaPolicyApiController(SlaPolicies policies, ServiceAccountTiers tiers) {
		this.policies = policies;
		this.tiers = tiers;
	}

	/**
	 * @param accountTier {@code null}: any tier
	 * @param targets per priority (LOW, NORMAL, HIGH, URGENT), in business minutes
	 */
	record SlaPolicyResource(UUID id, String name, UUID calendarId, AccountTier accountTier, boolean active,
			int warnPercentLeft, Map<CasePriority, TargetResource> targets, long version) {

		static SlaPolicyResource of(SlaPolicy policy) {
			Map<CasePriority, TargetResource> targets = new EnumMap<>(CasePriority.class);
			policy.targets()
				.forEach((priority, t) -> targets.put(priority,
						new TargetResource(t.firstResponse().toMinutes(), t.resolution().toMinutes())));
			return new SlaPolicyResource(policy.id(), policy.name(), policy.calendarId(), policy.accountTier(),
					policy.active(), policy.warnPercentLeft(), targets, policy.version());
		}

	}

	record TargetResource(long firstResponseMinutes, long resolutionMinutes) {
	}

	/**
	 * @param active defaults to true
	 * @param warnPercentLeft defaults to 25
	 * @param version the version read (updates only)
	 */
	record SlaPolicyRequest(String name, UUID calendarId, AccountTier accountTier, Boolean active,
			Integer warnPercentLeft, Map<CasePriority, TargetRequest> targets, Long version) {

		SlaPolicyDetails toDetails() {
			Map<CasePriority, SlaPolicyDetails.TargetMinutes> minutes = new EnumMap<>(CasePriority.class);
			if (this.targets != null) {
				this.targets.forEach((priority, t) -> minutes.put(priority, (t != null)
						? new SlaPolicyDetails.TargetMinutes(t.firstResponseMinutes(), t.resolutionMinutes()) : null));
			}
			return new SlaPolicyDetails(this.name, this.calendarId, this.accountTier, this.active, this.warnPercentLeft,
					minutes);
		}

	}

	record TargetRequest(Integer firstResponseMinutes, Integer resolutionMinutes) {
	}

	record AccountTierResource(UUID accountId, AccountTier tier) {
	}

	record AccountTierRequest(AccountTier tier) {
	}

	@GetMapping("/sla-policies")
	@Operation(summary = "List the SLA policies",
			description = "Active first, the any-tier policy first, then by name.")
	List<SlaPolicyResource> list(Viewer viewer) {
		return this.policies.list(viewer).stream().map(SlaPolicyResource::of).toList();
	}

	@GetMapping("/sla-policies/{id}")
	@Operation(summary = "Get one SLA policy")
	SlaPolicyResource get(Viewer viewer, @PathVariable UUID id) {
		return SlaPolicyResource.of(this.policies.get(viewer, id));
	}

	@PostMapping("/sla-policies")
	@Operation(summary = "Add an SLA policy",
			description = "Administrators only. targets needs every priority, each with firstResponseMinutes and "
					+ "resolutionMinutes (1 to 525600, resolution not sooner than first response). One active "
					+ "policy per tier (and one for any tier): a second is a 400 naming active.")
	ResponseEntity<SlaPolicyResource> create(Viewer viewer, @RequestBody SlaPolicyRequest request) {
		SlaPolicy policy = this.policies.create(viewer, request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/sla-policies/" + policy.id()))
			.body(SlaPolicyResource.of(policy));
	}

	@PutMapping("/sla-policies/{id}")
	@Operation(summary = "Update an SLA policy",
			description = "Send every field and the version you read (409 when it changed since). Open cases keep "
					+ "the targets they were given until their priority changes.")
	SlaPolicyResource update(Viewer viewer, @PathVariable UUID id, @RequestBody SlaPolicyRequest request) {
		long version = ApiResources.requireVersion(request.version(), SlaPolicies.RECORD_TYPE);
		return SlaPolicyResource.of(this.policies.update(viewer, id, version, request.toDetails()));
	}

	@DeleteMapping("/sla-policies/{id}")
	@Operation(summary = "Delete an SLA policy", description = "Cases that took it keep their targets.")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.policies.delete(viewer, id));
	}

	@GetMapping("/service/account-tiers/{accountId}")
	@Operation(summary = "An account's service tier", description = "STANDARD unless set.")
	AccountTierResource tier(Viewer viewer, @PathVariable UUID accountId) {
		this.policies.list(viewer);
		return new AccountTierResource(accountId, this.tiers.of(accountId));
	}

	@PutMapping("/service/account-tiers/{accountId}")
	@Operation(summary = "Set an account's service tier",
			description = "Administrators only: STANDARD, PREMIUM or ENTERPRISE. It chooses the SLA policy of the "
					+ "account's new cases.")
	AccountTierResource setTier(Viewer viewer, @PathVariable UUID accountId, @RequestBody AccountTierRequest request) {
		if (request.tier() == null) {
			throw new dev.bellwether.platform.InvalidInputException("tier", "Choose STANDARD, PREMIUM or ENTERPRISE.");
		}
		return new AccountTierResource(accountId, this.tiers.set(viewer, accountId, request.tier()));
	}

}
