package dev.bellwether.activities.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.activities.ActivityDetails;
import dev.bellwether.activities.ActivityKind;
import dev.bellwether.activities.Attendee;
import dev.bellwether.activities.TaskPriority;
import dev.bellwether.activities.TaskStatus;
import dev.bellwether.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An activity as an API client sends it. A call's end may be given as {@code endsAt} or
 * as {@code durationMinutes}. {@code version} is required on update.
 */
record ActivityRequest(
		@Schema(requiredMode = REQUIRED, description = "Can't change on update", example = "TASK") ActivityKind kind,
		@Schema(description = "Required except for notes (a note's first line stands in)", maxLength = 255,
				example = "Send the proposal") String subject,
		@Schema(description = "A note's text (required for notes), a call's outcome, any activity's details",
				maxLength = 20000, example = "Pricing for 500 seats, as discussed.") String body,
		@Schema(description = "Link at least one of accountId, contactId and opportunityId; left out, the account "
				+ "is taken from the opportunity, else from the contact") UUID accountId,
		@Schema(description = "Link at least one of accountId, contactId and opportunityId") UUID contactId,
		@Schema(description = "Link at least one of accountId, contactId and opportunityId") UUID opportunityId,
		@Schema(description = "A task's assignee; whoever held the call or meeting or wrote the note. Defaults to "
				+ "the caller on create; left out on update, the owner stays") UUID ownerId,
		@Schema(description = "Tasks only", example = "2026-12-11") LocalDate dueDate,
		@Schema(description = "Tasks only; OPEN when left out", example = "OPEN") TaskStatus status,
		@Schema(description = "Tasks only; NORMAL when left out", example = "NORMAL") TaskPriority priority,
		@Schema(description = "Calls (required: when it took place) and meetings (required); not tasks or "
				+ "notes") Instant startsAt,
		@Schema(description = "Calls (optional, at most 24 hours after the start) and meetings (required, after "
				+ "the start)") Instant endsAt,
		@Schema(description = "Calls: instead of endsAt, the length from startsAt", minimum = "0",
				maximum = "1440") Integer durationMinutes,
		@Schema(description = "Meetings only") @ArraySchema(maxItems = 200) List<AttendeeRequest> attendees,
		@Schema(description = "Optional: a task type, call type or meeting type from the kind's pick list "
				+ "(GET /api/v1/pick-lists/task-type, call-type, meeting-type); notes have none",
				maxLength = 60) String subType,
		@Schema(description = "Required on update: the version of the record you read; a stale one is refused with "
				+ "409 Conflict. Ignored on create.", example = "0") Long version) {

	/**
	 * Someone at a meeting: exactly one of a contact, a user or an e-mail address.
	 */
	record AttendeeRequest(@Schema(description = "Exactly one of contactId, userId and email") UUID contactId,
			@Schema(description = "Exactly one of contactId, userId and email") UUID userId,
			@Schema(description = "Exactly one of contactId, userId and email", format = "email",
					maxLength = 254) String email) {
	}

	ActivityDetails toDetails(UUID defaultOwner, ActivityKind defaultKind) {
		Instant end = this.endsAt;
		if (this.durationMinutes != null) {
			if (this.endsAt != null) {
				throw new InvalidInputException("durationMinutes", "Give either endsAt or durationMinutes, not both.");
			}
			if (this.durationMinutes < 0) {
				throw new InvalidInputException("durationMinutes", "A duration can't be negative.");
			}
			if (this.startsAt == null) {
				throw new InvalidInputException("startsAt", "A duration needs a start (startsAt).");
			}
			end = this.startsAt.plus(Duration.ofMinutes(this.durationMinutes));
		}
		return new ActivityDetails(this.kind == null ? defaultKind : this.kind, this.subject, this.body, this.accountId,
				this.contactId, this.opportunityId, this.ownerId == null ? defaultOwner : this.ownerId, this.dueDate,
				this.status, this.priority, this.startsAt, end,
				this.attendees == null ? List.of()
						: this.attendees.stream()
							.map(a -> new Attendee(a.contactId(), a.userId(), a.email(), null))
							.toList(),
				this.subType);
	}

}
