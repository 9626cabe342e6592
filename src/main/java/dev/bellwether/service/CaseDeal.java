package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A deal linked to a case, as the case page (or the deal's "Cases" card) shows it. The
 * deal's name, stage and amount are filled only when the viewer may read the deal by the
 * sales module's rules; otherwise {@code readable} is false and only the link is known.
 *
 * @param caseReference the case's number, e.g. {@code #1042}
 * @param createdBy who made the link (the agent who made the deal; {@code null} for the
 * system)
 * @param ownerName the deal owner's name (shown even when the deal is not readable, so
 * the agent knows whom to ask)
 */
public record CaseDeal(UUID caseId, String caseReference, String caseSubject, UUID opportunityId, CaseDealKind kind,
		UUID createdBy, Instant createdAt, boolean readable, String name, String stageName, boolean won,
		BigDecimal amount, String ownerName) {

}
