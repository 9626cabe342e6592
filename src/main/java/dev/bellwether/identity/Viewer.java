package dev.bellwether.identity;

import java.util.UUID;

/**
 * The signed-in user a request is served for. Controllers declare a {@code Viewer}
 * parameter and get it resolved from the security context (by page, API token or HTTP
 * Basic alike).
 */
public record Viewer(UUID id, String username, String fullName, Role role) {

	public boolean is(Role other) {
		return this.role == other;
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

}
