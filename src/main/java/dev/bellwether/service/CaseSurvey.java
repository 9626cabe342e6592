package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A satisfaction survey sent when a case was resolved: about the agent who owned the case
 * then, its account and product. {@code csat} (1–5) is set once answered; {@code nps}
 * (0–10) and {@code comment} are optional.
 */
public record CaseSurvey(UUID id, UUID caseId, String recipientEmail, UUID agentId, UUID accountId, UUID productId,
		Instant resolvedAt, Instant sentAt, Instant expiresAt, Instant supersededAt, Integer csat, Integer nps,
		String comment, Instant answeredAt, Instant createdAt) {

	public SurveyState state(Instant now) {
		if (this.answeredAt != null) {
			return SurveyState.ANSWERED;
		}
		if (this.supersededAt != null) {
			return SurveyState.SUPERSEDED;
		}
		return now.isBefore(this.expiresAt) ? SurveyState.OPEN : SurveyState.EXPIRED;
	}

}
