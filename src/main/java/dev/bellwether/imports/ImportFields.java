package dev.bellwether.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.bellwether.imports.ImportField.Kind;

/**
 * The fields each kind of import fills, and the automatic mapping of a file's headers to
 * them by name and synonym (Salesforce's and HubSpot's export names among them).
 */
public final class ImportFields {

	private static final List<ImportField> ACCOUNT = List.of(
			field("externalId", "Old system's id", Kind.EXTERNAL_ID, null, false, "Account ID", "Id", "External ID",
					"Record ID", "Company ID", "Account Id (18)", "Account_ID"),
			field("name", "Name", Kind.TEXT, null, true, "Account Name", "Name", "Company", "Company Name",
					"Organization", "Organisation", "Account"),
			field("website", "Website", Kind.TEXT, null, false, "Website", "Company Domain Name", "Domain", "URL",
					"Web", "Website URL"),
			field("industry", "Industry", Kind.PICK, "industry", false, "Industry", "Sector"),
			field("phone", "Phone", Kind.TEXT, null, false, "Phone", "Phone Number", "Company Phone", "Account Phone"),
			field("billingStreet", "Street", Kind.TEXT, null, false, "Billing Street", "Street", "Street Address",
					"Address", "Address 1"),
			field("billingCity", "City", Kind.TEXT, null, false, "Billing City", "City", "Town"),
			field("billingState", "State or region", Kind.TEXT, null, false, "Billing State/Province", "State/Region",
					"State", "Region", "Province", "County"),
			field("billingPostalCode", "Postal code", Kind.TEXT, null, false, "Billing Zip/Postal Code", "Postal Code",
					"Zip", "ZIP Code", "Postcode", "Postal"),
			field("country", "Country", Kind.PICK, "country", false, "Billing Country", "Country", "Country/Region",
					"Office Location"),
			field("employees", "Employees", Kind.INTEGER, null, false, "Employees", "Number of Employees", "Headcount",
					"Staff"),
			field("annualRevenue", "Annual revenue", Kind.MONEY, null, false, "Annual Revenue", "Revenue",
					"Yearly Revenue"),
			field("parent", "Parent account", Kind.ACCOUNT, null, false, "Parent Account", "Parent Account ID",
					"Parent Company", "Subsidiary Of", "Parent"),
			field("owner", "Owner", Kind.USER, null, false, "Account Owner", "Owner", "Company Owner", "Owner Email",
					"Assigned To", "Account Manager"),
			field("description", "Description", Kind.TEXT, null, false, "Description", "About", "Notes",
					"Company Description"),
			field("createdAt", "Created", Kind.DATE, null, false, "Created Date", "Create Date", "Created",
					"Created At", "Date Created"));

	private static final List<ImportField> CONTACT = List.of(
			field("externalId", "Old system's id", Kind.EXTERNAL_ID, null, false, "Contact ID", "Id", "External ID",
					"Record ID", "Contact Id (18)"),
			field("firstName", "First name", Kind.TEXT, null, false, "First Name", "Given Name", "Firstname",
					"Forename"),
			field("lastName", "Last name", Kind.TEXT, null, true, "Last Name", "Surname", "Family Name", "Lastname"),
			field("title", "Title", Kind.TEXT, null, false, "Title", "Job Title", "Position", "Role"),
			field("email", "E-mail", Kind.TEXT, null, false, "Email", "E-mail", "Email Address", "E-mail Address",
					"Work Email"),
			field("phone", "Phone", Kind.TEXT, null, false, "Phone", "Business Phone", "Phone Number", "Work Phone",
					"Direct Line"),
			field("mobile", "Mobile", Kind.TEXT, null, false, "Mobile", "Mobile Phone", "Mobile Phone Number", "Cell",
					"Cell Phone"),
			field("account", "Account", Kind.ACCOUNT, null, false, "Account Name", "Account", "Company", "Company Name",
					"Associated Company", "Organization", "Account ID"),
			field("owner", "Owner", Kind.USER, null, false, "Contact Owner", "Owner", "Assigned To"),
			field("createdAt", "Created", Kind.DATE, null, false, "Created Date", "Create Date", "Created",
					"Created At", "Date Created"));

	private static final List<ImportField> OPPORTUNITY = List.of(
			field("externalId", "Old system's id", Kind.EXTERNAL_ID, null, false, "Opportunity ID", "Deal ID", "Id",
					"External ID", "Record ID", "Opportunity Id (18)"),
			field("name", "Name", Kind.TEXT, null, true, "Opportunity Name", "Deal Name", "Name", "Deal", "Opportunity",
					"Title"),
			field("account", "Account", Kind.ACCOUNT, null, true, "Account Name", "Account", "Company",
					"Associated Company", "Company Name", "Account ID", "Customer"),
			field("contact", "Primary contact", Kind.CONTACT, null, false, "Contact Email", "Primary Contact Email",
					"Contact", "Primary Contact", "Associated Contact"),
			field("owner", "Owner", Kind.USER, null, false, "Opportunity Owner", "Deal Owner", "Owner", "Sales Agent",
					"Sales Rep", "Salesperson", "Assigned To"),
			field("stage", "Stage", Kind.STAGE, null, true, "Stage", "Deal Stage", "Sales Stage", "Status",
					"Opportunity Stage", "Pipeline Stage"),
			field("amount", "Amount", Kind.MONEY, null, false, "Amount", "Deal Value", "Value", "Close Value",
					"Amount (converted)", "Deal Amount", "Revenue"),
			field("closeDate", "Close date", Kind.DATE, null, true, "Close Date", "Expected Close Date", "Closing Date",
					"Expected Close"),
			field("probability", "Probability (%)", Kind.PERCENT, null, false, "Probability", "Probability (%)",
					"Deal Probability", "Win Probability"),
			field("nextStep", "Next step", Kind.TEXT, null, false, "Next Step", "Next Steps"),
			field("leadSource", "Lead source", Kind.PICK, "lead-source", false, "Lead Source", "Source",
					"Original Source", "Deal Source"),
			field("lossReason", "Loss reason", Kind.PICK, "loss-reason", false, "Loss Reason", "Closed Lost Reason",
					"Lost Reason", "Reason Lost"),
			field("competitor", "Competitor", Kind.TEXT, null, false, "Competitor", "Main Competitor", "Competitors"),
			field("description", "Description", Kind.TEXT, null, false, "Description", "Notes", "Deal Description"),
			field("createdAt", "Created", Kind.DATE, null, false, "Created Date", "Create Date", "Engage Date",
					"Created", "Created At", "Date Created"),
			field("closedAt", "Closed on", Kind.DATE, null, false, "Closed Date", "Date Closed", "Closed At",
					"Actual Close Date", "Won Date", "Lost Date"));

	private static final List<ImportField> ACTIVITY = List.of(
			field("externalId", "Old system's id", Kind.EXTERNAL_ID, null, false, "Activity ID", "Task ID", "Event ID",
					"Engagement ID", "Id", "External ID", "Record ID", "Activity Id (18)"),
			field("kind", "Kind", Kind.CHOICE, "activity-kind", true, "Type", "Activity Type", "Task Type",
					"Engagement Type", "Activity", "Kind"),
			field("subject", "Subject", Kind.TEXT, null, false, "Subject", "Title", "Activity Subject", "Call Title",
					"Meeting Name", "Task Title", "Meeting Title"),
			field("body", "Notes", Kind.TEXT, null, false, "Comments", "Description", "Notes", "Body", "Call Notes",
					"Note Body", "Meeting Notes", "Details", "Outcome", "Call Outcome"),
			field("account", "Account", Kind.ACCOUNT, null, false, "Account Name", "Account", "Company", "Company Name",
					"Associated Company", "Account ID", "Related To"),
			field("contact", "Contact", Kind.CONTACT, null, false, "Contact Email", "Contact", "Associated Contact",
					"Name Email", "Email", "Contact E-mail"),
			field("opportunity", "Deal", Kind.DEAL, null, false, "Opportunity", "Opportunity Name", "Opportunity ID",
					"Deal", "Deal Name", "Deal ID", "Associated Deal"),
			field("owner", "Owner", Kind.USER, null, false, "Assigned To", "Activity Owner", "Owner", "Task Owner",
					"Activity Assigned To", "Assigned"),
			field("dueDate", "Due date", Kind.DATE, null, false, "Due Date", "Due", "Due Date Only", "Task Due Date"),
			field("status", "Status", Kind.CHOICE, "task-status", false, "Status", "Task Status"),
			field("priority", "Priority", Kind.CHOICE, "task-priority", false, "Priority", "Task Priority"),
			field("startsAt", "Starts", Kind.DATE, null, false, "Start", "Start Date Time", "Start Time", "Starts At",
					"Activity Date", "Call Date", "Meeting Start", "Date", "Start Date"),
			field("endsAt", "Ends", Kind.DATE, null, false, "End", "End Date Time", "End Time", "Ends At",
					"Meeting End", "End Date"),
			field("createdAt", "Created", Kind.DATE, null, false, "Created Date", "Create Date", "Created",
					"Created At", "Date Created"),
			field("closedAt", "Completed", Kind.DATE, null, false, "Completed Date", "Completed Date/Time",
					"Completed At", "Date Completed", "Completion Date"));

	private static final List<ImportField> QUOTA = List.of(
			field("owner", "Person", Kind.USER, null, true, "User", "User Name", "Username", "Sales Rep", "Rep",
					"Salesperson", "Owner", "Quota Owner", "Person", "Name", "Email", "E-mail"),
			field("period", "Period", Kind.TEXT, null, true, "Period", "Fiscal Period", "Quota Period", "Quarter",
					"Month", "Year", "Fiscal Quarter"),
			field("amount", "Amount", Kind.MONEY, null, true, "Amount", "Quota", "Quota Amount", "Target", "Value"),
			field("kind", "Kind", Kind.CHOICE, "quota-kind", false, "Kind", "Quota Type", "Type", "Quota Kind"));

	private static final List<ImportField> USER = List.of(
			field("externalId", "Old system's id", Kind.EXTERNAL_ID, null, false, "User ID", "Id", "External ID",
					"Employee ID", "Employee Number", "Record ID", "User Id (18)"),
			field("username", "Username", Kind.TEXT, null, false, "Username", "User Name", "Login", "Alias",
					"Nickname"),
			field("fullName", "Full name", Kind.TEXT, null, false, "Full Name", "Name", "Display Name", "Employee",
					"Employee Name", "User"),
			field("firstName", "First name", Kind.TEXT, null, false, "First Name", "Given Name", "Firstname"),
			field("lastName", "Last name", Kind.TEXT, null, false, "Last Name", "Surname", "Family Name", "Lastname"),
			field("email", "E-mail", Kind.TEXT, null, true, "Email", "E-mail", "Email Address", "Work Email",
					"E-mail Address"),
			field("title", "Title", Kind.TEXT, null, false, "Title", "Job Title", "Position"),
			field("role", "Role", Kind.CHOICE, "role", false, "Role", "Bellwether Role", "Profile", "User Role",
					"Access"),
			field("manager", "Manager", Kind.USER, null, false, "Manager", "Manager Email", "Reports To",
					"Manager Name", "Manager ID", "Line Manager", "Supervisor"),
			field("team", "Team", Kind.TEXT, null, false, "Team", "Sales Team", "Department", "Division", "Group"),
			field("region", "Region", Kind.TEXT, null, false, "Region", "Territory", "Sales Region", "Area"),
			field("hiredOn", "Hired on", Kind.DATE, null, false, "Hire Date", "Hired On", "Start Date", "Date Hired",
					"Joined"));

	private static final List<ImportField> PRODUCT = List.of(
			field("externalId", "Old system's id", Kind.EXTERNAL_ID, null, false, "Product ID", "Id", "External ID",
					"Record ID", "Product Id (18)", "Product2 ID"),
			field("code", "Code", Kind.TEXT, null, true, "Product Code", "Code", "SKU", "Item Code", "Part Number",
					"Item Number"),
			field("name", "Name", Kind.TEXT, null, true, "Product Name", "Name", "Product", "Item", "Item Name"),
			field("description", "Description", Kind.TEXT, null, false, "Product Description", "Description",
					"Details"),
			field("listPrice", "List price", Kind.MONEY, null, true, "List Price", "Unit Price", "Price",
					"Standard Price", "Sales Price"),
			field("active", "Active", Kind.CHOICE, "yes-no", false, "Active", "Is Active", "IsActive", "Status",
					"Sold"));

	private static final List<ImportField> LINE_ITEM = List.of(
			field("externalId", "Old system's id", Kind.EXTERNAL_ID, null, false, "Line Item ID",
					"Opportunity Product ID", "OpportunityLineItem ID", "Id", "External ID", "Record ID"),
			field("opportunity", "Deal", Kind.DEAL, null, true, "Opportunity ID", "Opportunity", "Opportunity Name",
					"Deal ID", "Deal", "Deal Name", "Associated Deal"),
			field("product", "Product", Kind.PRODUCT, null, true, "Product Code", "Product", "Product Name",
					"Product ID", "Product2 ID", "SKU", "Item"),
			field("quantity", "Quantity", Kind.NUMBER, null, true, "Quantity", "Qty", "Units", "Seats"),
			field("unitPrice", "Unit price", Kind.MONEY, null, false, "Sales Price", "Unit Price", "Price",
					"Sales Price (converted)"),
			field("discount", "Discount (%)", Kind.PERCENT, null, false, "Discount", "Discount (%)",
					"Discount Percent"),
			field("description", "Description", Kind.TEXT, null, false, "Line Description", "Description",
					"Line Item Description"));

	private ImportFields() {
	}

	private static ImportField field(String key, String label, Kind kind, String list, boolean required,
			String... synonyms) {
		return new ImportField(key, label, kind, list, required, List.of(synonyms));
	}

	/**
	 * @return the fields of the target, in the order a form shows them
	 */
	public static List<ImportField> of(ImportTarget target) {
		return switch (target) {
			case ACCOUNT -> ACCOUNT;
			case CONTACT -> CONTACT;
			case OPPORTUNITY -> OPPORTUNITY;
			case ACTIVITY -> ACTIVITY;
			case QUOTA -> QUOTA;
			case USER -> USER;
			case PRODUCT -> PRODUCT;
			case LINE_ITEM -> LINE_ITEM;
		};
	}

	/** The prefix of a custom field's key: {@code cf.<key>}, as in list filters. */
	public static final String CUSTOM = "cf.";

	/**
	 * @return the field of the key; a key {@code cf.<key>} names a custom field (whether
	 * the record type has it is for the caller to check, see {@link #custom})
	 */
	public static Optional<ImportField> find(ImportTarget target, String key) {
		if (key != null && key.startsWith(CUSTOM) && key.length() > CUSTOM.length()) {
			return Optional
				.of(new ImportField(key, key.substring(CUSTOM.length()), Kind.CUSTOM, null, false, List.of()));
		}
		return of(target).stream().filter(f -> f.key().equals(key)).findFirst();
	}

	/**
	 * @return a custom field as an import fills it: by its label or key as a header
	 */
	public static ImportField custom(dev.bellwether.platform.customfield.CustomField field) {
		return new ImportField(CUSTOM + field.key(), field.label(), Kind.CUSTOM, null, false,
				List.of(field.label(), field.key()));
	}

	/**
	 * {@link #autoMap(ImportTarget, List)} with the record type's custom fields too.
	 */
	public static Map<String, String> autoMap(ImportTarget target, List<String> headers, List<ImportField> custom) {
		Map<String, String> mapped = autoMap(target, headers);
		Map<String, String> byName = new LinkedHashMap<>();
		for (ImportField field : custom) {
			for (String synonym : field.synonyms()) {
				byName.putIfAbsent(normalise(synonym), field.key());
			}
		}
		for (String header : headers) {
			String key = byName.get(normalise(header));
			if (key != null && !mapped.containsKey(header) && !mapped.containsValue(key)) {
				mapped.put(header, key);
			}
		}
		return mapped;
	}

	/**
	 * Maps each header to the field whose key, label or a synonym it names (ignoring
	 * case, spaces and punctuation); a field is taken by the first header that names it,
	 * and headers naming none are left out (ignored).
	 * @return header to field key, in the file's order
	 */
	public static Map<String, String> autoMap(ImportTarget target, List<String> headers) {
		Map<String, String> byName = new LinkedHashMap<>();
		for (ImportField field : of(target)) {
			byName.putIfAbsent(normalise(field.key()), field.key());
			byName.putIfAbsent(normalise(field.label()), field.key());
		}
		for (ImportField field : of(target)) {
			for (String synonym : field.synonyms()) {
				byName.putIfAbsent(normalise(synonym), field.key());
			}
		}
		Map<String, String> mapped = new LinkedHashMap<>();
		Set<String> taken = new HashSet<>();
		for (String header : headers) {
			String key = byName.get(normalise(header));
			if (key != null && !mapped.containsKey(header) && taken.add(key)) {
				mapped.put(header, key);
			}
		}
		return mapped;
	}

	/**
	 * @return the header folded for comparison: lower case, letters and digits only
	 * ({@code "Account Name"}, {@code "account_name"} and {@code "ACCOUNT-NAME"} are one)
	 */
	static String normalise(String header) {
		return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

	/**
	 * @return the fields a new record needs that no column fills (a deal without a name
	 * is named after its account, so its name may come from no column)
	 */
	public static List<ImportField> unmappedRequired(ImportTarget target, Map<String, String> columns) {
		List<ImportField> missing = new ArrayList<>();
		for (ImportField field : of(target)) {
			if (field.required() && !columns.containsValue(field.key())
					&& !(target == ImportTarget.OPPORTUNITY && "name".equals(field.key()))) {
				missing.add(field);
			}
		}
		return missing;
	}

}
