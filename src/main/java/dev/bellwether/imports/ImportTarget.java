package dev.bellwether.imports;

/**
 * What an import brings in.
 */
public enum ImportTarget {

	ACCOUNT("Accounts", "account", "accounts"), CONTACT("Contacts", "contact", "contacts"),
	OPPORTUNITY("Deals", "opportunity", "opportunities"), ACTIVITY("Activities", "activity", "activities"),
	QUOTA("Quotas", "quota", "quotas"), USER("Users", "user", "users"), PRODUCT("Products", "product", "products"),
	LINE_ITEM("Deals' line items", "line item", "line-items");

	private final String label;

	private final String recordType;

	private final String collection;

	ImportTarget(String label, String recordType, String collection) {
		this.label = label;
		this.recordType = recordType;
		this.collection = collection;
	}

	public String label() {
		return this.label;
	}

	/** The record type, as in field history and the recycle bin. */
	public String recordType() {
		return this.recordType;
	}

	/** The record type in paths, e.g. {@code opportunities}. */
	public String collection() {
		return this.collection;
	}

	/**
	 * @return whether only administrators import these (users: the people who sign in and
	 * the hierarchy that decides who sees what)
	 */
	public boolean adminOnly() {
		return this == USER;
	}

}
