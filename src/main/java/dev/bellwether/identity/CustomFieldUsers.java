package dev.bellwether.identity;

import java.util.Optional;
import java.util.UUID;

import dev.bellwether.platform.customfield.KnownUsers;

import org.springframework.stereotype.Component;

/**
 * The users custom fields of type user may name: any user, active or not (a deactivated
 * person stays named on old records).
 */
@Component
class CustomFieldUsers implements KnownUsers {

	private final UserDirectory users;

	CustomFieldUsers(UserDirectory users) {
		this.users = users;
	}

	@Override
	public boolean exists(UUID id) {
		return this.users.find(id).isPresent();
	}

	@Override
	public Optional<UUID> currentUserId() {
		return Viewer.current().map(Viewer::id);
	}

}
