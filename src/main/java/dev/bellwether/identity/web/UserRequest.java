package dev.bellwether.identity.web;

import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserProfile;

/**
 * A user as an API client sends it. {@code password} is the initial password, used on
 * create only; {@code version} is required on update: it must be the version the client
 * read, or the update is refused with 409. {@code integrationAccount} left out means no
 * on create and unchanged on update (clients written before the field keep working);
 * likewise {@code notCountedReason} (why adoption figures leave the user out; an empty
 * text counts them again).
 */
record UserRequest(String username, String fullName, String email, String title, Role role, UUID managerId, String team,
		String region, LocalDate hiredOn, String password, Long version, Boolean integrationAccount,
		String notCountedReason) {

	/**
	 * @param integrationAccountIfUnset the value when the request leaves the flag out
	 * @param notCountedReasonIfUnset the reason when the request leaves it out
	 */
	UserProfile toProfile(boolean integrationAccountIfUnset, String notCountedReasonIfUnset) {
		return new UserProfile(this.username, this.fullName, this.email, this.title, this.role, this.managerId,
				this.team, this.region, this.hiredOn,
				(this.integrationAccount != null) ? this.integrationAccount : integrationAccountIfUnset,
				(this.notCountedReason != null) ? this.notCountedReason : notCountedReasonIfUnset);
	}

	/**
	 * Keeps the password out of logs and error messages should the request ever be
	 * printed.
	 */
	@Override
	public String toString() {
		return "UserRequest[username=" + this.username + ", role=" + this.role + ", version=" + this.version + "]";
	}

}
