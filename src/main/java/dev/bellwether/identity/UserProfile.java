package dev.bellwether.identity;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The editable facts about a user, as an administrator enters them.
 *
 * @param integrationAccount whether a system, not a person, signs in as this user (left
 * out of adoption figures)
 * @param notCountedReason why adoption figures leave this user out; blank or null:
 * counted
 */
public record UserProfile(String username, String fullName, String email, String title, Role role, UUID managerId,
		String team, String region, LocalDate hiredOn, boolean integrationAccount, String notCountedReason) {

	public UserProfile(String username, String fullName, String email, String title, Role role, UUID managerId,
			String team, String region, LocalDate hiredOn, boolean integrationAccount) {
		this(username, fullName, email, title, role, managerId, team, region, hiredOn, integrationAccount, null);
	}

	/**
	 * A person's profile (not an integration account).
	 */
	public UserProfile(String username, String fullName, String email, String title, Role role, UUID managerId,
			String team, String region, LocalDate hiredOn) {
		this(username, fullName, email, title, role, managerId, team, region, hiredOn, false);
	}

}
