package dev.bellwether.service;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an agent enters about a case; the same rules apply to forms, the API and inline
 * edits. The status is not among them: it moves through {@link Cases#changeStatus}.
 *
 * @param priority {@code null} means {@link CasePriority#NORMAL}
 * @param channel {@code null} means {@link CaseChannel#PHONE} for a case an agent opens
 * @param ownerId {@code null} leaves the case unassigned, in its queue
 * @param queueId {@code null} means the default queue
 */
public record CaseDetails(
		@NotBlank(message = "Enter the case's subject.") @Size(max = 300,
				message = "Keep the subject to 300 characters.") String subject,
		@Size(max = 100_000, message = "Keep the description to 100,000 characters.") String description,
		UUID accountId, UUID contactId, UUID productId, CasePriority priority, CaseChannel channel, UUID ownerId,
		UUID queueId,
		@Size(max = 254, message = "Keep the requester's e-mail address to 254 characters.") @Email(
				regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
				message = "Enter an e-mail address such as name@example.com.") String requesterEmail,
		@Size(max = 200, message = "Keep the requester's name to 200 characters.") String requesterName) {

	/** A case with just a subject: normal priority, unassigned, in the default queue. */
	public static CaseDetails of(String subject) {
		return new CaseDetails(subject, null, null, null, null, null, null, null, null, null, null);
	}

	static CaseDetails empty() {
		return new CaseDetails(null, null, null, null, null, null, null, null, null, null, null);
	}

	public CaseDetails withOwner(UUID owner) {
		return new CaseDetails(this.subject, this.description, this.accountId, this.contactId, this.productId,
				this.priority, this.channel, owner, this.queueId, this.requesterEmail, this.requesterName);
	}

	public CaseDetails withPriority(CasePriority newPriority) {
		return new CaseDetails(this.subject, this.description, this.accountId, this.contactId, this.productId,
				newPriority, this.channel, this.ownerId, this.queueId, this.requesterEmail, this.requesterName);
	}

	public CaseDetails withAccount(UUID account, UUID contact) {
		return new CaseDetails(this.subject, this.description, account, contact, this.productId, this.priority,
				this.channel, this.ownerId, this.queueId, this.requesterEmail, this.requesterName);
	}

}
