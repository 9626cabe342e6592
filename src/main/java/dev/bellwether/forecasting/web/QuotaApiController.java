package dev.bellwether.forecasting.web;

import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.QuotaChange;
import dev.bellwether.forecasting.QuotaKind;
import dev.bellwether.forecasting.QuotaView;
import dev.bellwether.forecasting.Quotas;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/quotas")
@Tag(name = "Quotas",
		description = "An amount per person per fiscal period (2026-11, 2026-Q4, FY2026): PERSONAL for the person's "
				+ "own deals, TEAM for a manager's whole organisation when it is not the sum of its members'. Set by "
				+ "the person's managers (any depth), sales administrators and administrators, never by the person "
				+ "for themself (403). Every change is kept. See docs/forecasting.md.")
class QuotaApiController {

	private static final String PERIOD = "A fiscal month, quarter or year: 2026-11, 2026-Q4 or FY2026, within 10 "
			+ "fiscal years of today's";

	private final Quotas quotas;

	QuotaApiController(Quotas quotas) {
		this.quotas = quotas;
	}

	@GetMapping
	@Operation(summary = "A person's quotas for a period",
			description = "The personal and team quotas set (null when not set, with their versions) and those in "
					+ "effect: a personal quota not set for a quarter or year is the sum of its months' or quarters'; "
					+ "a team quota not set is the sum of the members'. 403 for someone neither you nor below you "
					+ "(executives, sales administrators and administrators see everyone's).")
	QuotaView get(Viewer viewer, @Parameter(description = PERIOD) @RequestParam(required = false) String period,
			@RequestParam(required = false) UUID userId) {
		return this.quotas.get(viewer, userId, period);
	}

	@PutMapping
	@Operation(summary = "Set, change or clear a person's quota for a period",
			description = "kind PERSONAL (the default) or TEAM; amount null clears it. 400 for a negative amount, "
					+ "more than 2 decimals, a malformed or absurd period or an unknown user; 403 for your own quota "
					+ "or someone you are not above (sales administrators and administrators set anyone's but "
					+ "their own); 409 when the version sent is not the one stored.")
	QuotaView set(Viewer viewer, @Parameter(description = PERIOD) @RequestParam(required = false) String period,
			@RequestParam(required = false) UUID userId, @RequestParam(defaultValue = "PERSONAL") QuotaKind kind,
			@RequestBody QuotaRequest request) {
		this.quotas.set(viewer, userId, period, kind, request.amount(), request.version());
		return this.quotas.get(viewer, userId, period);
	}

	@GetMapping("/team")
	@Operation(summary = "A team's personal quotas for a fiscal year",
			description = "The manager and everyone below them (depth 0 for the manager), by QUARTER (the default) "
					+ "or MONTH, with whether you may set each person's, and the team quota in effect per period.")
	TeamQuotasResource team(Viewer viewer, @RequestParam UUID manager,
			@Parameter(description = "A fiscal year, FY2026") @RequestParam(required = false) String year,
			@RequestParam(defaultValue = "QUARTER") FiscalPeriod.Kind by) {
		return TeamQuotasResource.of(this.quotas.grid(viewer, manager, year, by));
	}

	@GetMapping("/changes")
	@Operation(summary = "Every change of a person's quotas, newest first",
			description = "Who changed which quota when, with the amount before and after (null for none).")
	List<QuotaChange> changes(Viewer viewer, @RequestParam UUID userId) {
		return this.quotas.changes(viewer, userId);
	}

}
