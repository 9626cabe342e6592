package dev.bellwether.identity;

import java.util.UUID;

/**
 * Criteria for listing users; every criterion is optional.
 */
public record UserFilter(String query, Role role, Boolean active, UUID managerId) {

	public static UserFilter all() {
		return new UserFilter(null, null, null, null);
	}

}
