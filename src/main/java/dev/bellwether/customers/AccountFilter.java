package dev.bellwether.customers;

import java.util.UUID;

/**
 * Criteria for an account list; every criterion is optional.
 *
 * @param query part of the name or domain
 */
public record AccountFilter(String query, String industry, String country, UUID ownerId) {

	public static AccountFilter all() {
		return new AccountFilter(null, null, null, null);
	}

}
