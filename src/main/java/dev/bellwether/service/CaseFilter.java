package dev.bellwether.service;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import dev.bellwether.platform.InvalidInputException;
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
 * @param drill the criteria the service figures drill down with ({@code null}: none)
 */
public record CaseFilter(String query, String status, String priority, UUID ownerId, Boolean unassigned, UUID queueId,
		UUID accountId, Drill drill) {

	/**
	 * The status filter for cases still to be worked (new, open, waiting on the
	 * customer).
	 */
	public static final String OPEN = "open";

	/** The status filter for resolved and closed cases. */
	public static final String DONE = "done";

	public CaseFilter(String query, String status, String priority, UUID ownerId, Boolean unassigned, UUID queueId,
			UUID accountId) {
		this(query, status, priority, ownerId, unassigned, queueId, accountId, null);
	}

	public static CaseFilter all() {
		return new CaseFilter(null, null, null, null, null, null, null);
	}

	/**
	 * The filter a list view's query stands for ({@code /cases}).
	 * @throws InvalidInputException for an age that is not a whole number of days
	 */
	public static CaseFilter of(ListQuery query) {
		String unassigned = query.text("unassigned");
		Drill drill = new Drill(query.date("createdFrom"), query.date("createdTo"), query.date("resolvedFrom"),
				query.date("resolvedTo"), days(query.text("ageFrom"), "ageFrom"), days(query.text("ageTo"), "ageTo"),
				SlaOutcome.parse(query.choice("sla")), SlaOutcome.metric(query.choice("slaMetric")),
				query.date("slaFrom"), query.date("slaTo"));
		return new CaseFilter(query.text("q"), query.text("status"), query.text("priority"), query.id("owner"),
				"true".equals(unassigned) ? Boolean.TRUE : null, query.id("queue"), query.id("account"),
				drill.isEmpty() ? null : drill);
	}

	public boolean isFiltered() {
		return (this.query != null && !this.query.isBlank()) || (this.status != null && !this.status.isBlank())
				|| (this.priority != null && !this.priority.isBlank()) || this.ownerId != null
				|| Boolean.TRUE.equals(this.unassigned) || this.queueId != null || this.accountId != null
				|| (this.drill != null && !this.drill.isEmpty());
	}

	private static Integer days(String text, String field) {
		if (text == null) {
			return null;
		}
		try {
			int days = Integer.parseInt(text.trim());
			if (days >= 0 && days <= 36_500) {
				return days;
			}
		}
		catch (NumberFormatException ex) {
			// told below
		}
		throw new InvalidInputException(field, "'" + text.trim() + "' is no number of days.");
	}

	/**
	 * The criteria the service overview's figures drill down with (all optional; days in
	 * the company's time zone, both ends included).
	 *
	 * @param createdFrom opened on or after this day
	 * @param createdTo opened on or before this day
	 * @param resolvedFrom resolved on or after this day
	 * @param resolvedTo resolved on or before this day
	 * @param ageFrom open for at least this many days (now − opened)
	 * @param ageTo open for less than this many days
	 * @param sla an SLA target met, breached or at risk (due soon); with
	 * {@code slaMetric} one target, else either
	 * @param slaFrom the outcome decided on or after this day (met: when it was met;
	 * breached: the due instant passed)
	 * @param slaTo the outcome decided on or before this day
	 */
	public record Drill(LocalDate createdFrom, LocalDate createdTo, LocalDate resolvedFrom, LocalDate resolvedTo,
			Integer ageFrom, Integer ageTo, SlaOutcome sla, SlaMetric slaMetric, LocalDate slaFrom, LocalDate slaTo) {

		public static final Drill NONE = new Drill(null, null, null, null, null, null, null, null, null, null);

		public boolean isEmpty() {
			return equals(NONE);
		}

	}

	/**
	 * What became of a case's SLA target, as the drill-downs filter it.
	 */
	public enum SlaOutcome {

		/** Done by its due time. */
		MET,
		/** Its due time passed before it was done (done since or not). */
		BREACHED,
		/** Still counting, with the warning share of its time left or less. */
		AT_RISK;

		/** The URL value: {@code met}, {@code breached}, {@code at-risk}. */
		public String value() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static SlaOutcome parse(String text) {
			if (text == null) {
				return null;
			}
			for (SlaOutcome outcome : values()) {
				if (outcome.value().equals(text)) {
					return outcome;
				}
			}
			throw new InvalidInputException("sla", "'" + text + "' is no SLA outcome; use met, breached or at-risk.");
		}

		static SlaMetric metric(String text) {
			if (text == null) {
				return null;
			}
			for (SlaMetric metric : SlaMetric.values()) {
				if (metric.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(text)) {
					return metric;
				}
			}
			throw new InvalidInputException("slaMetric",
					"'" + text + "' is no SLA target; use first-response or resolution.");
		}

	}

}
