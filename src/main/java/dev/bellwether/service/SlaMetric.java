package dev.bellwether.service;

/**
 * What an SLA target measures on a case.
 */
public enum SlaMetric {

	/** From the case's creation to the first public reply by an agent. */
	FIRST_RESPONSE("First response"),

	/** From the case's creation to its resolution (or closing). */
	RESOLUTION("Resolution");

	private final String label;

	SlaMetric(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
