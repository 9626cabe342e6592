package dev.bellwether.platform.customfield;

import java.util.Optional;
import java.util.UUID;

/**
 * The users custom fields need to know of, implemented by the identity module (the
 * platform does not depend on it): whether a user exists, for fields of type
 * {@link CustomFieldType#USER}, and who is signed in, for who changed a definition.
 */
public interface KnownUsers {

	boolean exists(UUID id);

	Optional<UUID> currentUserId();

}
