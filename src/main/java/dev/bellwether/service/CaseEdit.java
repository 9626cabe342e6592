package dev.bellwether.service;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The fields of a case that inline edits and bulk changes set: its details and its status
 * together, each saved through {@link Cases} with its rules.
 */
record CaseEdit(
		@NotBlank(message = "Enter the case's subject.") @Size(max = 300,
				message = "Keep the subject to 300 characters.") String subject,
		CasePriority priority, CaseStatus status, UUID ownerId, UUID queueId) {

	static CaseEdit of(SupportCase c) {
		return new CaseEdit(c.subject(), c.priority(), c.status(), c.ownerId(), c.queueId());
	}

}
