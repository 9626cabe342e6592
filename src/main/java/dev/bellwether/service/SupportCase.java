package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's request for help. {@code number} is shown as "#1042"
 * ({@link #reference()}); {@code ownerId} and {@code queueId} are {@code null} while the
 * case is unassigned. {@code firstResponseAt} is the first public reply by an agent.
 */
public record SupportCase(UUID id, long number, String subject, String description, UUID accountId, UUID contactId,
		UUID productId, CasePriority priority, CaseStatus status, CaseChannel channel, UUID ownerId, UUID queueId,
		String requesterEmail, String requesterName, Instant createdAt, Instant firstResponseAt, Instant resolvedAt,
		Instant closedAt, Instant updatedAt, long version) {

	/** The case number as people write it: "#1042". */
	public String reference() {
		return "#" + this.number;
	}

	public boolean isOpen() {
		return this.status.isOpen();
	}

}
