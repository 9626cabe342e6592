package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A case was opened (by an agent or from a customer's message).
 */
public record CaseOpened(UUID caseId, CasePriority priority, UUID accountId, Instant at) {

}
