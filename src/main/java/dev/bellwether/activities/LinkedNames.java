package dev.bellwether.activities;

import java.util.Map;
import java.util.UUID;

/**
 * Names of the records a set of activities is linked to and of the people on them, for
 * showing the activities in a list.
 */
public record LinkedNames(Map<UUID, String> accounts, Map<UUID, String> contacts, Map<UUID, String> opportunities,
		Map<UUID, String> users) {

	public String account(UUID id) {
		return id == null ? null : this.accounts.get(id);
	}

	public String contact(UUID id) {
		return id == null ? null : this.contacts.get(id);
	}

	public String opportunity(UUID id) {
		return id == null ? null : this.opportunities.get(id);
	}

	public String user(UUID id) {
		return id == null ? null : this.users.get(id);
	}

}
