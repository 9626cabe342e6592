package dev.bellwether.activities.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.activities.Activity;
import dev.bellwether.activities.ActivityKind;
import dev.bellwether.activities.Attendee;
import dev.bellwether.activities.LinkedNames;
import dev.bellwether.activities.TaskPriority;
import dev.bellwether.activities.TaskStatus;

/**
 * An activity as the API returns it.
 */
record ActivityResource(UUID id, ActivityKind kind, String subject, String body, UUID accountId, String accountName,
		UUID contactId, String contactName, UUID opportunityId, String opportunityName, UUID ownerId, String ownerName,
		LocalDate dueDate, TaskStatus status, TaskPriority priority, boolean overdue, Instant completedAt,
		UUID completedBy, Instant startsAt, Instant endsAt, Long durationMinutes, Instant occurredAt,
		List<Attendee> attendees, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy, long version,
		String subType) {

	static ActivityResource of(Activity a, LinkedNames names, LocalDate today) {
		return new ActivityResource(a.id(), a.kind(), a.subject(), a.body(), a.accountId(),
				names.account(a.accountId()), a.contactId(), names.contact(a.contactId()), a.opportunityId(),
				names.opportunity(a.opportunityId()), a.ownerId(), names.user(a.ownerId()), a.dueDate(), a.status(),
				a.priority(), a.isOverdue(today), a.completedAt(), a.completedBy(), a.startsAt(), a.endsAt(),
				a.durationMinutes(), a.occurredAt(), a.attendees(), a.createdAt(), a.createdBy(), a.updatedAt(),
				a.updatedBy(), a.version(), a.subType());
	}

}
