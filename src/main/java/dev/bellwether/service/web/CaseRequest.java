package dev.bellwether.service.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.bellwether.service.CaseChannel;
import dev.bellwether.service.CaseDetails;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.Cases;
import dev.bellwether.service.SupportCase;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A case as an API client sends it. On create, {@code subject} is required; on update
 * (PATCH), only the fields sent change and {@code version} is required: it must be the
 * version the client read, or the update is refused with 409. The status moves through
 * {@code POST /api/v1/cases/{id}/status}.
 */
record CaseRequest(
		@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 300,
				example = "Invoice PDF does not open") String subject,
		@Schema(maxLength = 100000,
				example = "Since the last update the invoice PDF shows a blank page.") String description,
		@Schema(description = "An account's id") UUID accountId,
		@Schema(description = "A contact's id; without accountId the case takes the contact's account") UUID contactId,
		@Schema(description = "A product's id") UUID productId,
		@Schema(description = "NORMAL when left out on create") CasePriority priority,
		@Schema(description = "PHONE when left out on create") CaseChannel channel,
		@Schema(description = "An agent (service user, manager or administrator); left out on create, the case "
				+ "waits unassigned in its queue") UUID ownerId,
		@Schema(description = "A queue's id; the default queue (Support) when left out on create") UUID queueId,
		@Schema(format = "email", maxLength = 254, example = "pat@customer.example") String requesterEmail,
		@Schema(maxLength = 200, example = "Pat Customer") String requesterName,
		@Schema(description = "Required on update: the version of the case you read; a stale one is refused with "
				+ "409 Conflict. Ignored on create.", example = "0") Long version) {

	CaseDetails toDetails() {
		return new CaseDetails(this.subject, this.description, this.accountId, this.contactId, this.productId,
				this.priority, this.channel, this.ownerId, this.queueId, this.requesterEmail, this.requesterName);
	}

	/** The case's details with the fields sent changed. */
	CaseDetails applyTo(SupportCase c) {
		CaseDetails now = Cases.details(c);
		return new CaseDetails(or(this.subject, now.subject()), or(this.description, now.description()),
				or(this.accountId, now.accountId()), or(this.contactId, now.contactId()),
				or(this.productId, now.productId()), or(this.priority, now.priority()), or(this.channel, now.channel()),
				or(this.ownerId, now.ownerId()), or(this.queueId, now.queueId()),
				or(this.requesterEmail, now.requesterEmail()), or(this.requesterName, now.requesterName()));
	}

	private static <T> T or(T sent, T current) {
		return (sent != null) ? sent : current;
	}

}
