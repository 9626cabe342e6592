package dev.bellwether.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person who signs in to Bellwether. Users are deactivated, never deleted, so that
 * every record they touched keeps its history.
 */
public record User(UUID id, String username, String fullName, String email, String title, Role role, UUID managerId,
		String managerName, String team, String region, boolean active, LocalDate hiredOn, Instant provisionedAt,
		Instant deactivatedAt, Instant lastLoginAt, Instant createdAt, Instant updatedAt, long version) {

}
