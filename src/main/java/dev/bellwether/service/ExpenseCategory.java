package dev.bellwether.service;

/**
 * What a case expense was for.
 */
public enum ExpenseCategory {

	TRAVEL("Travel"), PARTS("Parts"), SHIPPING("Shipping"), SUBCONTRACTOR("Subcontractor"), SOFTWARE("Software"),
	OTHER("Other");

	private final String label;

	ExpenseCategory(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
