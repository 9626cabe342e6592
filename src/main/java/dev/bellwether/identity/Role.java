package dev.bellwether.identity;

/**
 * What a user does in the company, which decides what they see beyond their own records.
 */
public enum Role {

	ADMIN("Administrator", "Configures Bellwether and manages users; sees and edits everything."),
	EXECUTIVE("Executive", "Sees every record and the whole company's figures."),
	MANAGER("Sales manager", "Sees and edits the records of everyone who reports to them, at any depth."),
	REP("Sales rep", "Works their own accounts, contacts and deals."),
	SALES_ADMIN("Sales administrator", "Owns data quality: sees and edits every sales record."),
	MARKETING("Marketing", "Works with accounts and contacts for campaigns."),
	SERVICE("Service", "Works with accounts and contacts for customer service.");

	private final String label;

	private final String description;

	Role(String label, String description) {
		this.label = label;
		this.description = description;
	}

	public String label() {
		return this.label;
	}

	public String description() {
		return this.description;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
