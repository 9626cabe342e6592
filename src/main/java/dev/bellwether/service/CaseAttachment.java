package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to a case (its content is read separately, see
 * {@link CaseAttachments#content}).
 *
 * @param commentId the comment it came with, if any
 * @param uploadedBy the agent who attached it; {@code null} when it came from the
 * customer
 */
public record CaseAttachment(UUID id, UUID caseId, UUID commentId, String fileName, String contentType, long size,
		Instant createdAt, UUID uploadedBy) {

	/** Largest file accepted: 20 MB. */
	public static final long MAX_SIZE = 20L * 1024 * 1024;

}
