package dev.bellwether.service.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.service.CaseChannel;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.CaseStatus;
import dev.bellwether.service.SupportCase;

/**
 * A case as the API returns it; {@code reference} is its number as people write it
 * ("#1042").
 */
record CaseResource(UUID id, long number, String reference, String subject, String description, UUID accountId,
		UUID contactId, UUID productId, CasePriority priority, CaseStatus status, CaseChannel channel, UUID ownerId,
		String ownerName, UUID queueId, String requesterEmail, String requesterName, Instant createdAt,
		Instant firstResponseAt, Instant resolvedAt, Instant closedAt, Instant updatedAt, long version) {

	static CaseResource of(SupportCase c, Map<UUID, String> userNames) {
		return new CaseResource(c.id(), c.number(), c.reference(), c.subject(), c.description(), c.accountId(),
				c.contactId(), c.productId(), c.priority(), c.status(), c.channel(), c.ownerId(),
				c.ownerId() == null ? null : userNames.get(c.ownerId()), c.queueId(), c.requesterEmail(),
				c.requesterName(), c.createdAt(), c.firstResponseAt(), c.resolvedAt(), c.closedAt(), c.updatedAt(),
				c.version());
	}

}
