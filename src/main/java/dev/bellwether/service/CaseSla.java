package dev.bellwether.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case's SLA as of a moment: the policy it took, both targets measured live and its
 * history, oldest first.
 *
 * @param policyId {@code null} when the policy was deleted since
 * @param policyName as it is now ({@code null} when deleted)
 * @param counting how the clocks count now
 * @param warnedAt when the sweep warned the owner of each target ({@code null}: not)
 * @param escalatedAt when the sweep escalated each target's breach
 */
public record CaseSla(UUID caseId, UUID policyId, String policyName, UUID calendarId, AccountTier accountTier,
		CasePriority priority, SlaClock.Counting counting, SlaClock.SlaStatus status, Instant firstResponseWarnedAt,
		Instant resolutionWarnedAt, Instant firstResponseEscalatedAt, Instant resolutionEscalatedAt,
		List<Entry> history, Instant at) {

	/**
	 * A line of the SLA history.
	 *
	 * @param metric the target it is about, or {@code null} for both
	 * @param priority and the minutes: the targets in force after a start or change
	 */
	public record Entry(CaseSlaEventKind kind, SlaMetric metric, Instant at, CasePriority priority,
			Integer firstResponseMinutes, Integer resolutionMinutes) {
	}

}
