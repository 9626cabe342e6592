package dev.bellwether.platform.edit;

import java.util.UUID;

/**
 * The user a request is served for, as an id: the web adapters of inline edit and bulk
 * changes need no more (the identity module implements it; platform does not depend on
 * identity).
 */
public interface SignedInUser {

	/**
	 * @throws org.springframework.security.access.AccessDeniedException when no one is
	 * signed in
	 */
	UUID id();

}
