package dev.bellwether.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to one person.
 *
 * @param kind what raised it, e.g. {@code DEATH_SPIRAL}, {@code WEEKLY_DIGEST}
 * @param link where to act on it, an application path; may be null
 * @param readAt when the person opened or dismissed it; null while unread
 */
public record Notification(UUID id, UUID userId, Instant createdAt, String kind, String title, String body, String link,
		Instant readAt) {

	public boolean isRead() {
		return this.readAt != null;
	}

}
