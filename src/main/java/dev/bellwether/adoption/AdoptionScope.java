package dev.bellwether.adoption;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Whose use a figure is about: everyone, or a set of users (one user, a manager's
 * organisation). Integration accounts, and users not licensed on the day asked about, are
 * left out of every figure whatever the scope says.
 *
 * @param userIds the users, or {@code null} for everyone
 */
public record AdoptionScope(Set<UUID> userIds) {

	public AdoptionScope {
		userIds = userIds == null ? null : Set.copyOf(userIds);
	}

	public static AdoptionScope everyone() {
		return new AdoptionScope(null);
	}

	public static AdoptionScope of(Collection<UUID> userIds) {
		return new AdoptionScope(Set.copyOf(userIds));
	}

	public static AdoptionScope user(UUID userId) {
		return new AdoptionScope(Set.of(userId));
	}

	public boolean isEveryone() {
		return this.userIds == null;
	}

}
