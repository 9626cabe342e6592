package dev.bellwether.service;

import java.util.UUID;

/**
 * A queue of cases worked by a team; its manager is who SLA escalations go to.
 */
public record CaseQueue(UUID id, String name, String description, UUID managerId, boolean active, long version) {

}
