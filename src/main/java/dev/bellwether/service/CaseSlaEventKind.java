package dev.bellwether.service;

/**
 * What happened to a case's SLA (its history, table {@code case_sla_events}).
 */
public enum CaseSlaEventKind {

	STARTED("Clocks started"), PAUSED("Paused: waiting on the customer"), RESUMED("Resumed"),
	STOPPED("Stopped: resolved or closed"), RESPONDED("First response"), TARGETS_CHANGED("Targets changed"),
	WARNED("Due soon: owner warned"), BREACHED("Breached: escalated"), MET("Met"), MISSED("Missed");

	private final String label;

	CaseSlaEventKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
