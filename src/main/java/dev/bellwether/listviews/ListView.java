package dev.bellwether.listviews;

import java.time.Instant;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.platform.listview.ViewSettings;

/**
 * A list view: saved by a person, or one of a list's standard views ({@code standard}, no
 * owner, not editable but copyable).
 *
 * @param version for optimistic locking; 0 for a standard view
 */
public record ListView(UUID id, String recordType, String name, UUID ownerId, ViewSettings settings, Sharing sharing,
		Role sharedRole, UUID sharedTeamId, boolean standard, long version, Instant updatedAt) {

	public boolean isOwnedBy(UUID userId) {
		return !this.standard && this.ownerId != null && this.ownerId.equals(userId);
	}

	public boolean isShared() {
		return this.standard || this.sharing != Sharing.PERSONAL;
	}

}
