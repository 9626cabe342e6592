package dev.bellwether.platform.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who is signed in, for the platform's own pages and API (pick lists, inline edit, bulk
 * changes), which cannot know the identity module's {@code Viewer}: identity provides the
 * one implementation. Its web adapters take it through an {@code ObjectProvider}, so that
 * the platform starts on its own in its module test.
 */
public interface SignedInUser {

	/**
	 * @return the signed-in user's id, or nothing when no one is signed in
	 */
	Optional<UUID> id();

	/**
	 * @return the signed-in user's id
	 * @throws AccessDeniedException when no one is signed in
	 */
	default UUID required() {
		return id().orElseThrow(() -> new AccessDeniedException("Sign in first."));
	}

}
