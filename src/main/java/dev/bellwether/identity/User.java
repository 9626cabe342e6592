package dev.bellwether.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person who signs in to Bellwether. Users are deactivated, never deleted, so that
 * every record they touched keeps its history. An integration account is a user that a
 * system signs in as (an API client, a sync): it is left out of every adoption figure.
 */
public record User(UUID id, String username, String fullName, String email, String title, Role role, UUID managerId,
		String managerName, String team, String region, boolean active, LocalDate hiredOn, Instant provisionedAt,
		Instant deactivatedAt, Instant lastLoginAt, Instant createdAt, Instant updatedAt, long version,
		boolean integrationAccount) {

}
