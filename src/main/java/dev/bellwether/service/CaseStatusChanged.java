package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A case moved from one status to another.
 *
 * @param actorId who moved it; {@code null} when a customer's reply or Bellwether did
 */
public record CaseStatusChanged(UUID caseId, CaseStatus from, CaseStatus to, UUID actorId, Instant at) {

}
