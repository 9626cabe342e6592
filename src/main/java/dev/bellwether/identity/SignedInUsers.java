package dev.bellwether.identity;

import java.util.UUID;

import dev.bellwether.platform.edit.SignedInUser;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's id for platform's web adapters (inline edit, bulk changes).
 */
@Component
class SignedInUsers implements SignedInUser {

	@Override
	public UUID id() {
		return Viewer.current().map(Viewer::id).orElseThrow(() -> new AccessDeniedException("Sign in first."));
	}

}
