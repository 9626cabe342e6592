package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A public reply or an internal note on a case. Internal notes are never sent to the
 * customer (no e-mail, no survey).
 *
 * @param authorId the agent who wrote it; {@code null} when it came from the customer or
 * from Bellwether itself
 */
public record CaseComment(UUID id, UUID caseId, UUID authorId, String authorEmail, String body, boolean internal,
		CommentSource source, Instant createdAt) {

}
