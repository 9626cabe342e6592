package dev.bellwether.service;

import java.util.UUID;

import dev.bellwether.platform.listview.ListQuery;

/**
 * Criteria for a case list; every criterion is optional.
 *
 * @param query part of the subject or the requester's e-mail address, or a case number
 * ("1042" or "#1042")
 * @param status one status; {@code open} stands for new, open and waiting on the
 * customer, {@code done} for resolved and closed
 * @param priority one priority
 * @param ownerId one owner
 * @param unassigned {@code true} for cases nobody owns
 * @param queueId one queue
 * @param accountId one account
 */
public record CaseFilter(String query, String status, String priority, UUID ownerId, Boolean unassigned, UUID queueId,
		UUID accountId) {

	/**
	 * The status filter for cases still to be worked (new, open, waiting on the
	 * customer).
	 */
	public static final String OPEN = "open";

	/** The status filter for resolved and closed cases. */
	public static final String DONE = "done";

	public static CaseFilter all() {
		return new CaseFilter(null, null, null, null, null, null, null);
	}

	/**
	 * The filter a list view's query stands for ({@code /cases}).
	 */
	public static CaseFilter of(ListQuery query) {
		String unassigned = query.text("unassigned");
		return new CaseFilter(query.text("q"), query.text("status"), query.text("priority"), query.id("owner"),
				"true".equals(unassigned) ? Boolean.TRUE : null, query.id("queue"), query.id("account"));
	}

	public boolean isFiltered() {
		return (this.query != null && !this.query.isBlank()) || (this.status != null && !this.status.isBlank())
				|| (this.priority != null && !this.priority.isBlank()) || this.ownerId != null
				|| Boolean.TRUE.equals(this.unassigned) || this.queueId != null || this.accountId != null;
	}

}
