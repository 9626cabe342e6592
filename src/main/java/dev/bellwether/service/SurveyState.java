package dev.bellwether.service;

/**
 * What a survey link can still do, as its page tells the customer.
 */
public enum SurveyState {

	/** Waiting for the customer's answer. */
	OPEN,
	/** Answered already: a link answers once. */
	ANSWERED,
	/** Past its expiry, unanswered. */
	EXPIRED,
	/** The case was reopened and resolved again: a newer survey replaced this one. */
	SUPERSEDED,
	/** Not a link Bellwether signed, or its survey no longer exists. */
	INVALID

}
