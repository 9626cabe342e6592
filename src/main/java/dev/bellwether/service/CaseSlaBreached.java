package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A case's SLA target went past its due instant without being met; published once per
 * case and target, when the sweep finds it.
 */
public record CaseSlaBreached(UUID caseId, SlaMetric metric, Instant dueAt, Instant at) {

}
