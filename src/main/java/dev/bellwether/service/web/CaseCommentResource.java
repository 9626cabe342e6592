package dev.bellwether.service.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.service.CaseComment;
import dev.bellwether.service.CommentSource;

/**
 * A comment as the API returns it: a public reply or an internal note.
 */
record CaseCommentResource(UUID id, UUID caseId, UUID authorId, String authorName, String authorEmail, String body,
		boolean internal, CommentSource source, Instant createdAt) {

	static CaseCommentResource of(CaseComment c, Map<UUID, String> userNames) {
		return new CaseCommentResource(c.id(), c.caseId(), c.authorId(),
				c.authorId() == null ? null : userNames.get(c.authorId()), c.authorEmail(), c.body(), c.internal(),
				c.source(), c.createdAt());
	}

}
