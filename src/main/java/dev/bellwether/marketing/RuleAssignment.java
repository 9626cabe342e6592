package dev.bellwether.marketing;

import java.util.UUID;

/**
 * The owner an assignment rule chose for a lead, and which rule it was.
 */
public record RuleAssignment(UUID ruleId, String ruleName, UUID ownerId) {

}
