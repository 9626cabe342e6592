package dev.bellwether.service;

/**
 * How a case reached the company.
 */
public enum CaseChannel {

	EMAIL("E-mail"), PHONE("Phone"), WEB("Web"), PORTAL("Portal");

	private final String label;

	CaseChannel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
