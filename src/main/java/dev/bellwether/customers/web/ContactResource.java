package dev.bellwether.customers.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.Contact;

/**
 * A contact as the API returns it, with the names of its account and owner so that a
 * client can show it without further calls.
 */
record ContactResource(UUID id, String firstName, String lastName, String fullName, String title, String email,
		String phone, String mobile, UUID accountId, String accountName, UUID ownerId, String ownerName,
		Instant deletedAt, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy, Instant lastTouchedAt,
		UUID lastTouchedBy, long version, Map<String, Object> customFields) {

	static ContactResource of(Contact c, Map<UUID, String> userNames) {
		return new ContactResource(c.id(), c.firstName(), c.lastName(), c.fullName(), c.title(), c.email(), c.phone(),
				c.mobile(), c.accountId(), c.accountName(), c.ownerId(), userNames.get(c.ownerId()), c.deletedAt(),
				c.createdAt(), c.createdBy(), c.updatedAt(), c.updatedBy(), c.lastTouchedAt(), c.lastTouchedBy(),
				c.version(), c.customFields().asMap());
	}

}
