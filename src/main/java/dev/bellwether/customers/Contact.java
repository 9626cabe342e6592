package dev.bellwether.customers;

import dev.bellwether.platform.edit.EditedRecord;
import java.time.Instant;
import java.util.UUID;

import dev.bellwether.platform.customfield.CustomValues;

/**
 * A person at an account (or, until linked, at no account).
 */
public record Contact(UUID id, String firstName, String lastName, String title, String email, String phone,
		String mobile, UUID accountId, String accountName, UUID ownerId, Instant deletedAt, UUID deletedBy,
		Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy, Instant lastTouchedAt, UUID lastTouchedBy,
		long version, CustomValues customFields) implements EditedRecord<ContactDetails> {

	public String fullName() {
		return this.firstName == null || this.firstName.isBlank() ? this.lastName
				: this.firstName + " " + this.lastName;
	}

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	public ContactDetails details() {
		return new ContactDetails(this.firstName, this.lastName, this.title, this.email, this.phone, this.mobile,
				this.accountId, this.ownerId);
	}

}
