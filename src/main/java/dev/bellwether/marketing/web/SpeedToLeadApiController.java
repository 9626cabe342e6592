package dev.bellwether.marketing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.SpeedToLead;
import dev.bellwether.marketing.SpeedToLead.Breach;
import dev.bellwether.marketing.SpeedToLead.Figures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Speed to lead over a period (docs/marketing.md, <i>Speed to lead</i>).
 */
@RestController
@Tag(name = "Speed to lead", description = "How quickly leads are responded to against their source's target in "
		+ "business hours, by source and owner, with the open breaches; over the leads the caller may see.")
class SpeedToLeadApiController {

	/** Open breaches returned at most. */
	static final int BREACHES = 100;

	private final SpeedToLead speedToLead;

	SpeedToLeadApiController(SpeedToLead speedToLead) {
		this.speedToLead = speedToLead;
	}

	/**
	 * @param zone the time zone the period's days are in
	 * @param openBreaches the open breaches, the longest overdue first (at most 100, of
	 * all periods)
	 */
	record SpeedToLeadResource(LocalDate from, LocalDate to, String zone, Figures total, List<Figures> bySource,
			List<Figures> byOwner, List<TargetResource> targets, List<BreachResource> openBreaches) {
	}

	/**
	 * @param source the lead source; {@code null} for the default row (any other source)
	 */
	record TargetResource(String source, int businessMinutes) {
	}

	record BreachResource(UUID leadId, String name, UUID ownerId, String ownerName, String source,
			long targetBusinessMinutes, Instant deadline, long overdueMinutes, long overdueBusinessMinutes,
			boolean alerted) {

		static BreachResource of(Breach b) {
			return new BreachResource(b.leadId(), b.name(), b.ownerId(), b.ownerName(), b.source(),
					b.target().toMinutes(), b.deadline(), b.overdue().toMinutes(), b.overdueBusiness().toMinutes(),
					b.alerted());
		}

	}

	@Operation(summary = "Speed-to-lead figures of the leads created in a period",
			description = "from and to (ISO dates, both included, in the company calendar's time zone) default to "
					+ "the last 30 days. A lead is responded to at the earlier of its first activity and its "
					+ "acceptance; times to response are in business minutes of the company's calendar; "
					+ "median and p90 by nearest rank. 400 for a period that ends before it starts or is longer "
					+ "than 400 days.")
	@GetMapping("/api/v1/leads/speed")
	SpeedToLeadResource speed(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		List<LocalDate> period = this.speedToLead.defaultPeriod();
		LocalDate start = (from != null) ? from : (to != null ? to.minusDays(29) : period.get(0));
		LocalDate end = (to != null) ? to : (from != null ? from.plusDays(29) : period.get(1));
		SpeedToLead.Summary summary = this.speedToLead.summary(viewer, start, end);
		return new SpeedToLeadResource(summary.from(), summary.to(), summary.zone(), summary.total(),
				summary.bySource(), summary.byOwner(),
				summary.targets().stream().map(t -> new TargetResource(t.source(), t.minutes())).toList(),
				this.speedToLead.breaches(viewer, BREACHES).stream().map(BreachResource::of).toList());
	}

}
