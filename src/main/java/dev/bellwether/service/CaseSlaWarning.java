package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A case's SLA target is due soon (the sweep found it with its policy's warning share
 * left or less); published once per case and target.
 */
public record CaseSlaWarning(UUID caseId, SlaMetric metric, Instant dueAt, Instant at) {

}
