package dev.bellwether.service;

/**
 * An account's service tier, which chooses the SLA policy of its cases. Kept by service
 * (table {@code service_account_tiers}): the customers module has no tier or segment. An
 * account without one is {@link #STANDARD}.
 */
public enum AccountTier {

	STANDARD("Standard"), PREMIUM("Premium"), ENTERPRISE("Enterprise");

	private final String label;

	AccountTier(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
