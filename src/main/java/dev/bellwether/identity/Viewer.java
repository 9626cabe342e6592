package dev.bellwether.identity;

import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.internal.BellwetherPrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user a request is served for. Controllers declare a {@code Viewer}
 * parameter and get it resolved from the security context (by page, API token or HTTP
 * Basic alike).
 */
public record Viewer(UUID id, String username, String fullName, Role role) {

	/**
	 * The signed-in user of the current request, for code that runs around controllers
	 * rather than in them (usage capture); controllers declare a parameter instead.
	 * @return the user, or nothing when no one is signed in
	 */
	public static Optional<Viewer> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof BellwetherPrincipal principal) {
			return Optional.of(principal.toViewer());
		}
		return Optional.empty();
	}

	/**
	 * The user as a viewer, for work done for them outside a request (a bulk change
	 * running in the background).
	 */
	public static Viewer of(User user) {
		return new Viewer(user.id(), user.username(), user.fullName(), user.role());
	}

	public boolean is(Role other) {
		return this.role == other;
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

}
