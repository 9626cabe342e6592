package dev.bellwether.dataquality;

import java.time.Instant;
import java.util.UUID;

/**
 * One "ask the owner" about an issue.
 *
 * @param mailed whether the notification also went out by e-mail
 */
public record OwnerRequest(UUID id, UUID issueId, UUID ownerId, Instant askedAt, UUID askedBy, String askedByName,
		String message, UUID notificationId, boolean mailed) {
}
