package dev.bellwether.marketing;

import java.time.Instant;
import java.util.UUID;

import dev.bellwether.platform.edit.EditedRecord;

/**
 * A person, and the company they work for, that marketing brought in and sales works
 * until it is qualified or disqualified (and, later, converted into an account, a contact
 * and a deal: the ids of those records, once converted). {@code acceptedAt} is when it
 * first left NEW for WORKING or QUALIFIED (sales took it on), {@code firstActivityAt}
 * when the first activity was logged on it; both {@code null} until then.
 */
public record Lead(UUID id, String firstName, String lastName, String company, String title, String email, String phone,
		String country, String source, LeadStatus status, String disqualifyReason, UUID ownerId, String description,
		Instant convertedAt, UUID convertedAccountId, UUID convertedContactId, UUID convertedOpportunityId,
		Instant deletedAt, UUID deletedBy, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy,
		Instant lastTouchedAt, UUID lastTouchedBy, Instant acceptedAt, Instant firstActivityAt,
		long version) implements EditedRecord<LeadDetails> {

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	public boolean isConverted() {
		return this.convertedAt != null;
	}

	/** First and last name, as the lead is called everywhere. */
	public String fullName() {
		return (this.firstName == null || this.firstName.isBlank()) ? this.lastName
				: this.firstName + " " + this.lastName;
	}

	@Override
	public LeadDetails details() {
		return new LeadDetails(this.firstName, this.lastName, this.company, this.title, this.email, this.phone,
				this.country, this.source, this.status, this.disqualifyReason, this.ownerId, this.description);
	}

}
