package dev.bellwether.marketing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.bellwether.platform.businesstime.BusinessCalendar;

/**
 * How quickly a lead was responded to (docs/marketing.md, "Speed to lead"). A lead is
 * <em>responded to</em> at the earlier of its first activity (the first call, e-mail,
 * meeting or task logged on it by a person) and its acceptance (the first time it left
 * NEW for WORKING or QUALIFIED). Its <em>deadline</em> is its creation plus its source's
 * target in business time ({@link BusinessCalendar#addBusinessTime}); each "time to" is
 * given in business time (working hours of the company's calendar) and on the wall clock.
 * Figures not reached yet are {@code null}.
 *
 * @param target the target of the lead's source, {@code null} when no target applies
 * @param deadline creation plus the target in business time, {@code null} without one
 * @param waited business time from creation to the response, or to now while waiting
 */
public record LeadResponse(UUID leadId, String source, UUID ownerId, Instant createdAt, Instant firstActivityAt,
		Instant acceptedAt, Duration target, Instant deadline, Duration businessToFirstActivity,
		Duration wallToFirstActivity, Duration businessToAcceptance, Duration wallToAcceptance,
		Duration businessToResponse, Duration wallToResponse, Duration waited, State state) {

	/**
	 * Where a lead stands against its target.
	 */
	public enum State {

		/** Responded to by its deadline (or responded to without a target). */
		RESPONDED_IN_TIME,
		/** Responded to after its deadline. */
		RESPONDED_LATE,
		/** Not responded to, open, its deadline not passed (or no target). */
		WAITING,
		/** Not responded to, open, its deadline passed: an open breach. */
		BREACHED,
		/** Disqualified, converted or deleted without a response: not measured. */
		CLOSED

	}

	/**
	 * Works out a lead's figures.
	 * @param closed whether the lead is disqualified, converted or deleted
	 * @param target its source's target, {@code null} for none
	 * @param now the moment "waiting" and "breached" are judged at
	 */
	public static LeadResponse of(UUID leadId, String source, UUID ownerId, Instant createdAt, Instant firstActivityAt,
			Instant acceptedAt, boolean closed, Duration target, BusinessCalendar calendar, Instant now) {
		Instant responded = earlier(firstActivityAt, acceptedAt);
		Instant deadline = (target != null && calendar.works()) ? calendar.addBusinessTime(createdAt, target) : null;
		State state;
		if (responded != null) {
			state = (deadline == null || !responded.isAfter(deadline)) ? State.RESPONDED_IN_TIME : State.RESPONDED_LATE;
		}
		else if (closed) {
			state = State.CLOSED;
		}
		else {
			state = (deadline != null && now.isAfter(deadline)) ? State.BREACHED : State.WAITING;
		}
		return new LeadResponse(leadId, source, ownerId, createdAt, firstActivityAt, acceptedAt, target, deadline,
				business(calendar, createdAt, firstActivityAt), wall(createdAt, firstActivityAt),
				business(calendar, createdAt, acceptedAt), wall(createdAt, acceptedAt),
				business(calendar, createdAt, responded), wall(createdAt, responded),
				calendar.businessTimeBetween(createdAt, (responded != null) ? responded : now), state);
	}

	/** When the lead was responded to: the earlier of first activity and acceptance. */
	public Instant respondedAt() {
		return earlier(this.firstActivityAt, this.acceptedAt);
	}

	public boolean responded() {
		return respondedAt() != null;
	}

	/**
	 * @return whether the lead counts towards "within target": it has a target, and was
	 * responded to or is an open breach
	 */
	public boolean measured() {
		return this.deadline != null && (this.state == State.RESPONDED_IN_TIME || this.state == State.RESPONDED_LATE
				|| this.state == State.BREACHED);
	}

	public boolean withinTarget() {
		return measured() && this.state == State.RESPONDED_IN_TIME;
	}

	/**
	 * @return how long past the deadline it is now (wall clock), for an open breach
	 */
	public Duration overdue(Instant now) {
		return (this.deadline != null && now.isAfter(this.deadline)) ? Duration.between(this.deadline, now)
				: Duration.ZERO;
	}

	/**
	 * @return the sentence the lead page shows, e.g. "Responded in 42 business minutes
	 * (target 1 h)" or "Waiting 2 h 10 m, target 1 h — breached"
	 */
	public String summary() {
		String target = (this.target != null) ? "target " + text(this.target) : "no target";
		return switch (this.state) {
			case RESPONDED_IN_TIME, RESPONDED_LATE -> "Responded in " + minutes(this.businessToResponse)
					+ " business minutes (" + target + (this.state == State.RESPONDED_LATE ? ", late)" : ")");
			case WAITING -> "Waiting " + text(this.waited) + ", " + target;
			case BREACHED -> "Waiting " + text(this.waited) + ", " + target + " — breached";
			case CLOSED -> "Closed without a response (" + target + ")";
		};
	}

	/**
	 * @return e.g. {@code 42 m}, {@code 1 h}, {@code 2 h 10 m}
	 */
	public static String text(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes < 60) {
			return minutes + " m";
		}
		return (minutes / 60) + " h" + ((minutes % 60 == 0) ? "" : " " + (minutes % 60) + " m");
	}

	private static long minutes(Duration duration) {
		return duration.toMinutes();
	}

	private static Instant earlier(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return a.isBefore(b) ? a : b;
	}

	private static Duration business(BusinessCalendar calendar, Instant from, Instant to) {
		return (to != null) ? calendar.businessTimeBetween(from, to) : null;
	}

	private static Duration wall(Instant from, Instant to) {
		return (to != null) ? (to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO) : null;
	}

}
