package dev.bellwether.demo;

/**
 * The words demo and benchmark records are made of: company, people and deal names,
 * places, and what salespeople write about their deals.
 */
final class DemoNames {

	static final String[] PREFIXES = { "Acme", "Apex", "Blue", "Bright", "Cedar", "Crest", "Delta", "Eagle",
			"Evergreen", "First", "Global", "Granite", "Harbor", "Horizon", "Iron", "Keystone", "Lakeside", "Liberty",
			"Maple", "Meridian", "Northern", "Nova", "Oak", "Pacific", "Peak", "Pioneer", "Prime", "Quantum", "River",
			"Sierra", "Silver", "Summit", "Sun", "Titan", "Union", "Vertex", "Vista", "West", "Zenith", "Atlas" };

	static final String[] SUFFIXES = { "Systems", "Industries", "Logistics", "Foods", "Health", "Energy", "Capital",
			"Labs", "Motors", "Media", "Retail", "Solutions", "Networks", "Pharma", "Construction", "Analytics",
			"Airlines", "Insurance", "Partners", "Manufacturing" };

	static final String[][] CITIES = { { "Boston", "MA", "US" }, { "Chicago", "IL", "US" }, { "Austin", "TX", "US" },
			{ "Denver", "CO", "US" }, { "Seattle", "WA", "US" }, { "Atlanta", "GA", "US" }, { "Toronto", "ON", "CA" },
			{ "London", null, "GB" }, { "Manchester", null, "GB" }, { "Berlin", null, "DE" }, { "Munich", null, "DE" },
			{ "Paris", null, "FR" }, { "Amsterdam", null, "NL" }, { "Stockholm", null, "SE" }, { "Madrid", null, "ES" },
			{ "Sydney", "NSW", "AU" } };

	static final String[] FIRST_NAMES = { "Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery",
			"Peyton", "Quinn", "Sam", "Charlie", "Robin", "Dana", "Kim", "Lee", "Pat", "Chris", "Drew", "Jesse", "Anna",
			"Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Iris", "Jonas", "Karin", "Lars", "Maria",
			"Nils", "Olga", "Paul", "Rosa", "Stefan", "Tina", "Uwe" };

	static final String[] LAST_NAMES = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia",
			"Wilson", "Anderson", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Lopez", "Clark",
			"Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Nelson", "Hill",
			"Campbell", "Schmidt", "Schneider", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Dubois", "Laurent",
			"Svensson" };

	static final String[] CONTACT_TITLES = { "CEO", "CFO", "CTO", "VP Operations", "Head of Procurement", "IT Director",
			"Purchasing Manager", "Operations Manager", "Finance Director", "Project Manager", "Office Manager",
			"Head of Sales" };

	static final String[] LEGAL_FORMS = { "Inc", "LLC", "Ltd", "GmbH", "AG", "SA", "BV", "AB", "Group", "Co" };

	static final String[] DEAL_THEMES = { "CRM Rollout", "Fleet Analytics", "Cloud Migration", "Support Renewal",
			"Data Platform", "Security Upgrade", "ERP Integration", "Field Service Pilot", "Licence Expansion",
			"Training Programme", "Managed Services", "Network Refresh", "Customer Portal", "Payments Integration",
			"Reporting Suite", "Warehouse Automation", "Mobile App", "Compliance Audit", "Marketing Automation",
			"Multi-year Agreement" };

	/** Industries of the seeded pick list (V27), all but Other. */
	static final java.util.List<String> INDUSTRIES = java.util.List.of("Agriculture", "Apparel", "Banking",
			"Biotechnology", "Chemicals", "Communications", "Construction", "Consulting", "Education", "Electronics",
			"Energy", "Engineering", "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government",
			"Healthcare", "Hospitality", "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit",
			"Recreation", "Retail", "Shipping", "Technology", "Telecommunications", "Transportation", "Utilities");

	static final String[] LEAD_SOURCES = { "Web", "Referral", "Partner", "Trade Show", "Outbound", "Inbound Call",
			"Webinar", "Existing Customer" };

	static final String[] LOSS_REASONS = { "Lost to a competitor on price", "No budget this year",
			"No decision: the customer went quiet", "Stayed with the incumbent vendor", "Missing features they need",
			"Project postponed indefinitely", "Champion left the company" };

	static final String[] COMPETITORS = { "Northwind CRM", "Salesbridge", "Pipewell", "Contoso Sales Cloud" };

	static final String[] NEXT_STEPS = { "Send the proposal", "Schedule a product demo", "Follow-up call",
			"Legal review of the contract", "Negotiate terms", "Meet the executive sponsor", "Technical validation",
			"Prepare a revised quote" };

	static final String[] CALL_SUBJECTS = { "Discovery call", "Follow-up call", "Pricing discussion",
			"Check-in with the champion", "Reference call", "Call about the timeline" };

	static final String[] MEETING_SUBJECTS = { "Product demo", "On-site workshop", "Executive alignment meeting",
			"Technical deep dive", "Contract walkthrough", "Quarterly business review" };

	static final String[] TASK_SUBJECTS = { "Send the proposal", "Prepare a quote", "Follow up on the contract",
			"Update the close plan", "Book a demo", "Send the case study", "Confirm budget with finance" };

	static final String[] NOTES = { "Budget confirmed for this quarter.", "Decision maker is the CFO.",
			"Competitor is also in the running.", "They want a pilot before committing.",
			"Procurement needs three quotes.", "Champion is enthusiastic; IT is cautious.",
			"Timeline slipped because of a reorganisation." };

	static final String[] BENCH_TEAMS = { "North", "South", "East", "West", "Central", "Pacific", "Atlantic",
			"Mountain" };

	private DemoNames() {
	}

}
