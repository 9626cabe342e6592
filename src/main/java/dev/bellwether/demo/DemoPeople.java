package dev.bellwether.demo;

import java.util.List;

import dev.bellwether.identity.Role;

/**
 * The demo company's people. Every demo user's password is {@code demo}.
 */
final class DemoPeople {

	record Person(String username, String fullName, String title, Role role, String manager, String team,
			String region) {
	}

	/**
	 * The ERP's integration account: calls the API, and is left out of adoption figures.
	 */
	static final String INTEGRATION = "erp.integration";

	static final List<String> REGIONS = List.of("North", "South", "East", "West");

	private static final String[][] REPS = {
			{ "Liam Carter", "Ava Mitchell", "Noah Brooks", "Mia Patel", "Ethan Hughes" },
			{ "Sofia Ramirez", "Lucas Bennett", "Isabella Cruz", "Mason Reed", "Chloe Foster" },
			{ "Oliver Grant", "Emma Walsh", "James Holt", "Grace Kim", "Henry Shaw" },
			{ "Amelia Stone", "Jack Rivera", "Lily Chen", "Leo Morgan", "Zoe Turner" } };

	private static final String[] MANAGERS = { "Rachel Adams", "Daniel Ortiz", "Priya Nair", "Tom Fischer" };

	/**
	 * The service team's agents, who report to the customer service lead
	 * ({@code service}) and work the demo's cases ({@link ServiceDataGenerator}).
	 */
	static final List<String> SERVICE_AGENTS = List.of("agent1", "agent2", "agent3", "agent4");

	private static final String[] AGENT_NAMES = { "Sam Okafor", "Julia Novak", "Ravi Menon", "Elena Rossi" };

	private static final String[] AGENT_TITLES = { "Senior Customer Service Agent", "Customer Service Agent",
			"Customer Service Agent", "Customer Service Agent" };

	private DemoPeople() {
	}

	static List<Person> all() {
		List<Person> people = new java.util.ArrayList<>();
		people.add(new Person("ceo", "Catherine Wells", "Chief Executive Officer", Role.EXECUTIVE, null, "Executive",
				null));
		people.add(new Person("vp.sales", "Marcus Hale", "VP of Sales", Role.EXECUTIVE, "ceo", "Sales", null));
		people.add(new Person("salesadmin", "Nina Brandt", "Sales Operations Administrator", Role.SALES_ADMIN,
				"vp.sales", "Sales Operations", null));
		people.add(new Person("marketing", "Oscar Lindqvist", "Marketing Manager", Role.MARKETING, "ceo", "Marketing",
				null));
		people.add(new Person("service", "Helen Park", "Customer Service Lead", Role.SERVICE, "ceo", "Service", null));
		people.add(new Person(INTEGRATION, "ERP Integration", "Integration account (ERP order sync)", Role.SALES_ADMIN,
				"salesadmin", "Sales Operations", null));
		for (int a = 0; a < SERVICE_AGENTS.size(); a++) {
			people.add(new Person(SERVICE_AGENTS.get(a), AGENT_NAMES[a], AGENT_TITLES[a], Role.SERVICE, "service",
					"Service", null));
		}
		for (int r = 0; r < REGIONS.size(); r++) {
			String region = REGIONS.get(r);
			String manager = "mgr." + region.toLowerCase();
			people.add(new Person(manager, MANAGERS[r], "Regional Sales Manager, " + region, Role.MANAGER, "vp.sales",
					"Sales " + region, region));
			for (int i = 0; i < REPS[r].length; i++) {
				people.add(new Person("rep." + region.toLowerCase() + (i + 1), REPS[r][i], "Account Executive",
						Role.REP, manager, "Sales " + region, region));
			}
		}
		return people;
	}

}
