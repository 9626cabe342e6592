package dev.bellwether.service.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.service.AccountTier;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.CaseSla;
import dev.bellwether.service.CaseSlaEventKind;
import dev.bellwether.service.CaseSlas;
import dev.bellwether.service.Cases;
import dev.bellwether.service.SlaClock;
import dev.bellwether.service.SlaMetric;
import dev.bellwether.service.SlaState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's SLA state (docs/service.md, "SLAs").
 */
@RestController
@Tag(name = "Case SLAs", description = "A case's first-response and resolution targets in business time, measured "
		+ "at the moment of the request, and its SLA history.")
class CaseSlaApiController {

	private final CaseSlas slas;

	CaseSlaApiController(CaseSlas slas) {
		this.slas = slas;
	}

	/**
	 * @param counting RUNNING, PAUSED (waiting on the customer) or STOPPED (resolved or
	 * closed)
	 */
	record CaseSlaResource(UUID caseId, UUID policyId, String policyName, UUID calendarId, AccountTier accountTier,
			CasePriority priority, SlaClock.Counting counting, TargetResource firstResponse, TargetResource resolution,
			List<HistoryResource> history, Instant at) {

		static CaseSlaResource of(CaseSla sla) {
			return new CaseSlaResource(sla.caseId(), sla.policyId(), sla.policyName(), sla.calendarId(),
					sla.accountTier(), sla.priority(), sla.counting(),
					TargetResource.of(sla.status().firstResponse(), sla.firstResponseWarnedAt(),
							sla.firstResponseEscalatedAt()),
					TargetResource.of(sla.status().resolution(), sla.resolutionWarnedAt(), sla.resolutionEscalatedAt()),
					sla.history().stream().map(HistoryResource::of).toList(), sla.at());
		}

	}

	/**
	 * @param remainingBusinessMinutes negative when overdue
	 * @param dueAt null while paused and once met
	 */
	record TargetResource(SlaMetric metric, SlaState state, long targetBusinessMinutes, long elapsedBusinessMinutes,
			long remainingBusinessMinutes, Instant dueAt, Instant breachedAt, Instant completedAt, Instant warnedAt,
			Instant escalatedAt) {

		static TargetResource of(SlaClock.Measure m, Instant warnedAt, Instant escalatedAt) {
			return new TargetResource(m.metric(), m.state(), m.target().toMinutes(), m.elapsed().toMinutes(),
					m.remaining().toMinutes(), m.dueAt(), m.breachedAt(), m.completedAt(), warnedAt, escalatedAt);
		}

	}

	record HistoryResource(CaseSlaEventKind kind, SlaMetric metric, Instant at, CasePriority priority,
			Integer firstResponseMinutes, Integer resolutionMinutes) {

		static HistoryResource of(CaseSla.Entry e) {
			return new HistoryResource(e.kind(), e.metric(), e.at(), e.priority(), e.firstResponseMinutes(),
					e.resolutionMinutes());
		}

	}

	@GetMapping("/api/v1/cases/{id}/sla")
	@Operation(summary = "A case's SLA state",
			description = "Both targets measured now in the policy calendar's business minutes (paused while waiting "
					+ "on the customer, stopped while resolved or closed) and the SLA history, oldest first. 404 "
					+ "for a case the caller may not see, or one opened without an SLA policy.")
	CaseSlaResource sla(Viewer viewer, @PathVariable UUID id) {
		return this.slas.of(viewer, id)
			.map(CaseSlaResource::of)
			.orElseThrow(() -> new RecordNotFoundException(Cases.RECORD_TYPE + " SLA", id));
	}

}
