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

/**
 * An activity as an API client sends it. A call's end may be given as {@code endsAt} or
 * as {@code durationMinutes}. {@code version} is required on update.
 */
record ActivityRequest(ActivityKind kind, String subject, String body, UUID accountId, UUID contactId,
		UUID opportunityId, UUID ownerId, LocalDate dueDate, TaskStatus status, TaskPriority priority, Instant startsAt,
		Instant endsAt, Integer durationMinutes, List<AttendeeRequest> attendees, Long version) {

	record AttendeeRequest(UUID contactId, UUID userId, String email) {
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
							.toList());
	}

}
