package dev.bellwether.identity.web;

import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserProfile;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A user as an API client sends it. {@code password} is the initial password, used on
 * create only; {@code version} is required on update: it must be the version the client
 * read, or the update is refused with 409. {@code integrationAccount} left out means no
 * on create and unchanged on update (clients written before the field keep working);
 * likewise {@code notCountedReason} (why adoption figures leave the user out; an empty
 * text counts them again).
 */
record UserRequest(
		@Schema(requiredMode = REQUIRED,
				description = "2 to 60 letters, digits, dots, dashes or underscores, "
						+ "starting with a letter or digit; stored in lower case",
				minLength = 2, maxLength = 60, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{1,59}$",
				example = "jane.doe") String username,
		@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 120, example = "Jane Doe") String fullName,
		@Schema(requiredMode = REQUIRED, format = "email", maxLength = 254,
				example = "jane.doe@example.com") String email,
		@Schema(maxLength = 120, example = "Account Executive") String title,
		@Schema(requiredMode = REQUIRED, example = "REP") Role role,
		@Schema(description = "An active user") UUID managerId, @Schema(maxLength = 80, example = "West") String team,
		@Schema(maxLength = 80, example = "EMEA") String region,
		@Schema(description = "At most a year ahead", example = "2026-01-05") LocalDate hiredOn,
		@Schema(description = "The initial password; required on create, ignored on update", minLength = 8,
				maxLength = 200, accessMode = Schema.AccessMode.WRITE_ONLY) String password,
		@Schema(description = "Required on update: the version of the record you read; a stale one is refused with "
				+ "409 Conflict. Ignored on create.", example = "0") Long version,
		@Schema(description = "Whether a system, not a person, signs in as this user (left out of adoption "
				+ "figures). Left out: no on create, unchanged on update",
				example = "false") Boolean integrationAccount,
		@Schema(description = "Why adoption figures leave this user out (e.g. a shared or test account); an "
				+ "empty text counts them again. Left out: counted on create, unchanged on update", maxLength = 200,
				example = "Shared training account") String notCountedReason) {

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
