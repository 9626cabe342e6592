package dev.bellwether.platform.web;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is signed in, for the platform's own pages and API (pick lists), which cannot know
 * the identity module's {@code Viewer}: identity provides the one implementation.
 */
public interface SignedInUser {

	/**
	 * @return the signed-in user's id, or nothing when no one is signed in
	 */
	Optional<UUID> id();

}
