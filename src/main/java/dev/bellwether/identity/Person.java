package dev.bellwether.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A user as the company-wide figures need them: who they are, where they sit in the org
 * and whether adoption counts them. All of them come in one read
 * ({@link UserDirectory#people()}), for figures over thousands of people.
 *
 * @param level how many managers are above the person (0 at the top of the company, and
 * for anyone whose manager chain does not reach the top within 100 steps)
 * @param notCountedReason why an administrator flagged the user as not counted in
 * adoption figures, {@code null} for a counted user
 */
public record Person(UUID id, String fullName, String email, String title, Role role, UUID managerId, int level,
		String team, String region, boolean active, LocalDate hiredOn, Instant provisionedAt, Instant deactivatedAt,
		Instant createdAt, boolean integrationAccount, String notCountedReason) {

	/**
	 * @return whether adoption figures count this user: a person, not flagged as not
	 * counted (see {@link User#countedInAdoption()})
	 */
	public boolean countedInAdoption() {
		return !this.integrationAccount && this.notCountedReason == null;
	}

}
