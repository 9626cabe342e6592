package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A case's priority changed (its SLA targets may change with it).
 */
public record CasePriorityChanged(UUID caseId, CasePriority from, CasePriority to, Instant at) {

}
