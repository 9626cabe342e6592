package dev.bellwether.marketing;

import java.time.Instant;
import java.util.UUID;

/**
 * One owner a lead was given, in its assignment log.
 *
 * @param ruleId the rule that chose the owner ({@code null} for a person's choice, or a
 * rule deleted since)
 * @param ruleName the rule's name when it chose
 * @param fromOwnerId the owner before ({@code null} when the lead was created)
 */
public record LeadAssignmentEntry(UUID id, UUID leadId, UUID ruleId, String ruleName, UUID fromOwnerId, UUID toOwnerId,
		LeadAssignmentMethod how, Instant assignedAt, UUID assignedBy) {

}
