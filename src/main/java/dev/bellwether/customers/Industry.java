package dev.bellwether.customers;

import java.util.List;

/**
 * The industries an account can be filed under (the common CRM pick list).
 */
public final class Industry {

	public static final List<String> ALL = List.of("Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals",
			"Communications", "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
			"Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare", "Hospitality",
			"Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit", "Recreation", "Retail", "Shipping",
			"Technology", "Telecommunications", "Transportation", "Utilities", "Other");

	private Industry() {
	}

}
