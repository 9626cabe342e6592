package dev.bellwether.customers.web;

import java.util.UUID;

import dev.bellwether.customers.ContactDetails;

/**
 * A contact as an API client sends it. {@code version} is required on update: it must be
 * the version the client read, or the update is refused with 409.
 */
record ContactRequest(String firstName, String lastName, String title, String email, String phone, String mobile,
		UUID accountId, UUID ownerId, Long version) {

	ContactDetails toDetails(UUID defaultOwner) {
		return new ContactDetails(this.firstName, this.lastName, this.title, this.email, this.phone, this.mobile,
				this.accountId, this.ownerId == null ? defaultOwner : this.ownerId);
	}

}
