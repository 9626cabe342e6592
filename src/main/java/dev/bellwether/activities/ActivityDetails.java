package dev.bellwether.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a user enters about an activity; the same rules ({@link ActivityRules} and the
 * checks against other records in {@link Activities}) apply to forms and to the API.
 * Fields that do not belong to the kind (a due date on a call) are refused, not dropped.
 *
 * @param subject for notes, optional: the first line of the text stands in
 * @param accountId at least one of account, contact and opportunity is required; when
 * left out, the account is taken from the opportunity, else from the contact
 * @param ownerId a task's assignee; whoever held the call or meeting or wrote the note
 * @param dueDate tasks only (optional)
 * @param status tasks only; {@code OPEN} when left out
 * @param priority tasks only; {@code NORMAL} when left out
 * @param startsAt calls (when it took place; now when left out on create) and meetings
 * (required)
 * @param endsAt calls (optional) and meetings (required, after the start)
 * @param attendees meetings only
 * @param subType from the kind's pick list (task, call or meeting type); optional, none
 * for notes
 * @param leadId the lead it was logged against (instead of an account, contact or
 * opportunity); visible to whoever may read the lead
 */
public record ActivityDetails(
		@NotNull(message = "Choose what kind of activity this is: task, call, meeting or note.") ActivityKind kind,
		@Size(max = 255, message = "Keep the subject to 255 characters.") String subject,
		@Size(max = 20_000, message = "Keep the text to 20,000 characters.") String body, UUID accountId,
		UUID contactId, UUID opportunityId, @NotNull(message = "Choose who the activity belongs to.") UUID ownerId,
		LocalDate dueDate, TaskStatus status, TaskPriority priority, Instant startsAt, Instant endsAt,
		@Valid @Size(max = 200, message = "A meeting can have at most 200 attendees.") List<Attendee> attendees,
		@Size(max = 60, message = "Choose a type from the list.") String subType, UUID leadId) {

	public ActivityDetails {
		attendees = attendees == null ? List.of() : List.copyOf(attendees);
	}

	/**
	 * An activity on no lead.
	 */
	public ActivityDetails(ActivityKind kind, String subject, String body, UUID accountId, UUID contactId,
			UUID opportunityId, UUID ownerId, LocalDate dueDate, TaskStatus status, TaskPriority priority,
			Instant startsAt, Instant endsAt, List<Attendee> attendees, String subType) {
		this(kind, subject, body, accountId, contactId, opportunityId, ownerId, dueDate, status, priority, startsAt,
				endsAt, attendees, subType, null);
	}

	/**
	 * The same activity logged against a lead (a lead's activities hang off the lead
	 * alone: no account, contact or deal yet).
	 */
	public ActivityDetails onLead(UUID leadId) {
		return new ActivityDetails(this.kind, this.subject, this.body, this.accountId, this.contactId,
				this.opportunityId, this.ownerId, this.dueDate, this.status, this.priority, this.startsAt, this.endsAt,
				this.attendees, this.subType, leadId);
	}

	/**
	 * An activity without a sub-type.
	 */
	public ActivityDetails(ActivityKind kind, String subject, String body, UUID accountId, UUID contactId,
			UUID opportunityId, UUID ownerId, LocalDate dueDate, TaskStatus status, TaskPriority priority,
			Instant startsAt, Instant endsAt, List<Attendee> attendees) {
		this(kind, subject, body, accountId, contactId, opportunityId, ownerId, dueDate, status, priority, startsAt,
				endsAt, attendees, null);
	}

	public ActivityDetails withSubType(String subType) {
		return new ActivityDetails(this.kind, this.subject, this.body, this.accountId, this.contactId,
				this.opportunityId, this.ownerId, this.dueDate, this.status, this.priority, this.startsAt, this.endsAt,
				this.attendees, subType, this.leadId);
	}

	public static ActivityDetails task(String subject, LocalDate dueDate, TaskPriority priority, UUID ownerId) {
		return new ActivityDetails(ActivityKind.TASK, subject, null, null, null, null, ownerId, dueDate,
				TaskStatus.OPEN, priority, null, null, List.of());
	}

	public static ActivityDetails call(String subject, String outcome, Instant at, Instant endsAt, UUID ownerId) {
		return new ActivityDetails(ActivityKind.CALL, subject, outcome, null, null, null, ownerId, null, null, null, at,
				endsAt, List.of());
	}

	public static ActivityDetails meeting(String subject, Instant startsAt, Instant endsAt, List<Attendee> attendees,
			UUID ownerId) {
		return new ActivityDetails(ActivityKind.MEETING, subject, null, null, null, null, ownerId, null, null, null,
				startsAt, endsAt, attendees);
	}

	public static ActivityDetails note(String text, UUID ownerId) {
		return new ActivityDetails(ActivityKind.NOTE, null, text, null, null, null, ownerId, null, null, null, null,
				null, List.of());
	}

	/**
	 * @return the same activity linked to these records
	 */
	public ActivityDetails linkedTo(UUID accountId, UUID contactId, UUID opportunityId) {
		return new ActivityDetails(this.kind, this.subject, this.body, accountId, contactId, opportunityId,
				this.ownerId, this.dueDate, this.status, this.priority, this.startsAt, this.endsAt, this.attendees,
				this.subType, this.leadId);
	}

	public ActivityDetails withSubject(String subject) {
		return new ActivityDetails(this.kind, subject, this.body, this.accountId, this.contactId, this.opportunityId,
				this.ownerId, this.dueDate, this.status, this.priority, this.startsAt, this.endsAt, this.attendees,
				this.subType, this.leadId);
	}

	public ActivityDetails withStatus(TaskStatus status) {
		return new ActivityDetails(this.kind, this.subject, this.body, this.accountId, this.contactId,
				this.opportunityId, this.ownerId, this.dueDate, status, this.priority, this.startsAt, this.endsAt,
				this.attendees, this.subType, this.leadId);
	}

	boolean isLinked() {
		return this.accountId != null || this.contactId != null || this.opportunityId != null || this.leadId != null;
	}

}
