package dev.bellwether.activities;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which activities a list shows; every part is optional.
 *
 * @param from occurred on or after this day
 * @param to occurred on or before this day
 * @param overdue only open tasks whose due date has passed
 */
public record ActivityFilter(ActivityKind kind, UUID ownerId, UUID accountId, UUID contactId, UUID opportunityId,
		TaskStatus status, LocalDate from, LocalDate to, String query, boolean overdue) {

	public ActivityFilter(ActivityKind kind, UUID ownerId, UUID accountId, UUID contactId, UUID opportunityId,
			TaskStatus status, LocalDate from, LocalDate to, String query) {
		this(kind, ownerId, accountId, contactId, opportunityId, status, from, to, query, false);
	}

	public static ActivityFilter all() {
		return new ActivityFilter(null, null, null, null, null, null, null, null, null);
	}

	public boolean isFiltered() {
		return this.kind != null || this.ownerId != null || this.accountId != null || this.contactId != null
				|| this.opportunityId != null || this.status != null || this.from != null || this.to != null
				|| (this.query != null && !this.query.isBlank()) || this.overdue;
	}

}
