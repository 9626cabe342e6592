package dev.bellwether.customers;

import java.util.UUID;

/**
 * Criteria for a contact list; every criterion is optional.
 *
 * @param query part of the name or e-mail address
 */
public record ContactFilter(String query, UUID accountId, UUID ownerId) {

	public static ContactFilter all() {
		return new ContactFilter(null, null, null);
	}

}
