package dev.bellwether.identity;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The editable facts about a user, as an administrator enters them.
 */
public record UserProfile(String username, String fullName, String email, String title, Role role, UUID managerId,
		String team, String region, LocalDate hiredOn) {

}
