package dev.bellwether.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person who signs in to Bellwether. Users are deactivated, never deleted, so that
 * every record they touched keeps its history. An integration account is a user that a
 * system signs in as (an API client, a sync): it is left out of every adoption figure. So
 * is a user an administrator flagged as not counted, with a reason
 * ({@code notCountedReason}: the built-in administrator by default, a trainer, a test
 * account).
 */
public record User(UUID id, String username, String fullName, String email, String title, Role role, UUID managerId,
		String managerName, String team, String region, boolean active, LocalDate hiredOn, Instant provisionedAt,
		Instant deactivatedAt, Instant lastLoginAt, Instant createdAt, Instant updatedAt, long version,
		boolean integrationAccount, String notCountedReason) {

	/**
	 * A counted user (no reason not to count them).
	 */
	public User(UUID id, String username, String fullName, String email, String title, Role role, UUID managerId,
			String managerName, String team, String region, boolean active, LocalDate hiredOn, Instant provisionedAt,
			Instant deactivatedAt, Instant lastLoginAt, Instant createdAt, Instant updatedAt, long version,
			boolean integrationAccount) {
		this(id, username, fullName, email, title, role, managerId, managerName, team, region, active, hiredOn,
				provisionedAt, deactivatedAt, lastLoginAt, createdAt, updatedAt, version, integrationAccount, null);
	}

	/**
	 * @return whether adoption figures count this user: a person, not flagged as not
	 * counted
	 */
	public boolean countedInAdoption() {
		return !this.integrationAccount && this.notCountedReason == null;
	}

}
