package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A status a case entered (a row of {@code case_status_changes}); the first of a case has
 * {@code from == null} (its creation).
 */
public record CaseStatusChange(UUID caseId, CaseStatus from, CaseStatus to, Instant at, UUID actorId) {

}
