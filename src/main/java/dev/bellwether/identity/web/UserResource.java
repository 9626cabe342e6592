package dev.bellwether.identity.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;

/**
 * A user as the API returns it: never a password or its hash. {@code level} (how many
 * managers are above the user) is given for a single user, not in lists, where it would
 * cost a query per row. {@code integrationAccount}: a system signs in as this user, and
 * adoption figures leave it out; {@code countedInAdoption} is false for it and for a user
 * flagged as not counted ({@code notCountedReason} says why).
 */
record UserResource(UUID id, String username, String fullName, String email, String title, Role role, String roleLabel,
		UUID managerId, String managerName, String team, String region, boolean active, LocalDate hiredOn,
		Instant provisionedAt, Instant deactivatedAt, Instant lastLoginAt, Instant createdAt, Instant updatedAt,
		long version, @JsonInclude(JsonInclude.Include.NON_NULL) Integer level, boolean integrationAccount,
		boolean countedInAdoption, String notCountedReason) {

	static UserResource of(User u, Integer level) {
		return new UserResource(u.id(), u.username(), u.fullName(), u.email(), u.title(), u.role(), u.role().label(),
				u.managerId(), u.managerName(), u.team(), u.region(), u.active(), u.hiredOn(), u.provisionedAt(),
				u.deactivatedAt(), u.lastLoginAt(), u.createdAt(), u.updatedAt(), u.version(), level,
				u.integrationAccount(), u.countedInAdoption(), u.notCountedReason());
	}

}
