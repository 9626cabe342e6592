package dev.bellwether.activities;

import dev.bellwether.platform.edit.EditedRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A task, call, meeting or note as stored.
 *
 * @param accountId the account it is linked to: given, or taken from its opportunity or
 * contact, so an account's timeline shows the work on its contacts and deals too
 * @param occurredAt the instant the timeline sorts it by: a call's or meeting's start, a
 * completed task's completion, otherwise when it was logged
 * @param subType the task, call or meeting type from the kind's pick list, if any
 * @param leadId the lead it was logged against, if any
 */
public record Activity(UUID id, ActivityKind kind, String subject, String body, UUID accountId, UUID contactId,
		UUID opportunityId, UUID ownerId, LocalDate dueDate, TaskStatus status, TaskPriority priority,
		Instant completedAt, UUID completedBy, Instant startsAt, Instant endsAt, Instant occurredAt,
		List<Attendee> attendees, Instant deletedAt, Instant createdAt, UUID createdBy, Instant updatedAt,
		UUID updatedBy, long version, String subType, UUID leadId) implements EditedRecord<ActivityDetails> {

	public Activity {
		attendees = attendees == null ? List.of() : List.copyOf(attendees);
	}

	public boolean isTask() {
		return this.kind == ActivityKind.TASK;
	}

	public boolean isOpenTask() {
		return this.kind == ActivityKind.TASK && this.status == TaskStatus.OPEN;
	}

	public boolean isCompleted() {
		return this.status == TaskStatus.COMPLETED;
	}

	/**
	 * @return whether this is an open task due before the given day
	 */
	public boolean isOverdue(LocalDate today) {
		return isOpenTask() && this.dueDate != null && this.dueDate.isBefore(today);
	}

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	/**
	 * @return the length of a call or meeting in minutes, or {@code null} if it has no
	 * end
	 */
	public Long durationMinutes() {
		return this.startsAt == null || this.endsAt == null ? null
				: Duration.between(this.startsAt, this.endsAt).toMinutes();
	}

	public ActivityDetails details() {
		return new ActivityDetails(this.kind, this.subject, this.body, this.accountId, this.contactId,
				this.opportunityId, this.ownerId, this.dueDate, this.status, this.priority, this.startsAt, this.endsAt,
				this.attendees.stream().map(Attendee::key).toList(), this.subType, this.leadId);
	}

}
