package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A comment was added to a case; a public {@link CommentSource#AGENT} comment is a reply
 * to be sent to the customer.
 */
public record CaseCommented(UUID caseId, UUID commentId, CommentSource source, boolean internal, Instant at) {

}
