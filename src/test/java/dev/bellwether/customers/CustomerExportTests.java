package dev.bellwether.customers;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.internal.capture.UsageRecorder;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import dev.bellwether.platform.customfield.CustomFieldDefinition;
import dev.bellwether.platform.customfield.CustomFieldType;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.export.ExportFixtures;
import dev.bellwether.platform.export.XlsxSheets;
import dev.bellwether.sales.Opportunities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The account and contact lists exported: columns as chosen (custom fields by label,
 * related fields by name), filters, CSV and XLSX, usage, bad input.
 */
@IntegrationTest
class CustomerExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	CustomFields customFields;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	UsageRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Clock clock;

	private ExportFixtures fixtures;

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private final List<UUID> added = new ArrayList<>();

	private User rep;

	private CustomField partner;

	private CustomField met;

	private Account north;

	private Account south;

	@BeforeEach
	void accountsAndContacts() {
		this.fixtures = new ExportFixtures(this.accounts, this.opportunities, this.recorder, this.jdbc, this.clock);
		this.partner = define("account", "Partner", CustomFieldType.CHECKBOX);
		this.met = define("contact", "First met", CustomFieldType.DATE);
		this.rep = this.users.create(Role.REP);
		this.north = account("North " + this.suffix, 120, "2500000.00", true);
		this.south = account("South " + this.suffix, null, null, false);
		contact("Ada", "Lovelace " + this.suffix, this.north, "2026-05-04");
		contact("+Plus", "Minus " + this.suffix, this.north, null);
		contact("Grace", "Hopper " + this.suffix, this.south, null);
	}

	@AfterEach
	void retireTheFields() {
		this.added.forEach(this.customFields::retire);
	}

	@Test
	void theAccountListExportsItsColumnsWithACustomCheckbox() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);

		String csv = ExportFixtures.text(this.mvc
			.perform(get("/accounts/export").param("q", this.suffix)
				.param("cols", "name,cf." + this.partner.key() + ",employees,annualRevenue,owner")
				.param("sort", "name,desc")
				.with(session))
			.andExpect(header().string("Content-Disposition", containsString("accounts-2026-06-17.csv"))));

		assertThat(csv.lines().toList()).containsExactly(
				"\uFEFFName," + this.partner.label() + ",Employees,Annual revenue,Owner",
				"South " + this.suffix + ",No,,," + this.rep.fullName(),
				"North " + this.suffix + ",Yes,120,2500000.00," + this.rep.fullName());
	}

	@Test
	void theAccountListAsXlsxThroughTheApiKeepsNumbersAndBooleans() throws Exception {
		byte[] file = ExportFixtures.bytes(this.mvc.perform(get("/api/v1/accounts/export").param("format", "xlsx")
			.param("q", "North " + this.suffix)
			.param("ownerId", this.rep.id().toString())
			.param("cols", "name,annualRevenue,cf." + this.partner.key())
			.with(TestUsers.basic(this.rep))));

		List<List<Object>> rows = XlsxSheets.read(file).sheet(1);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).get(0)).isEqualTo("North " + this.suffix);
		assertThat((BigDecimal) rows.get(1).get(1)).isEqualByComparingTo("2500000");
		assertThat(rows.get(1).get(2)).isEqualTo(true);
	}

	@Test
	void theContactListExportsTheAccountsContactsWithTheirAccountAndACustomDate() throws Exception {
		String csv = ExportFixtures.text(
				this.mvc
					.perform(get("/api/v1/contacts/export").param("accountId", this.north.id().toString())
						.param("cols", "name,account,cf." + this.met.key())
						.param("sort", "name,asc")
						.with(TestUsers.basic(this.rep)))
					.andExpect(header().string("X-Export-Rows", "2")));

		assertThat(csv.lines().toList()).containsExactly("\uFEFFName,Account," + this.met.label(),
				"Ada Lovelace " + this.suffix + ",North " + this.suffix + ",2026-05-04",
				"'+Plus Minus " + this.suffix + ",North " + this.suffix + ",");
		assertThat(this.fixtures.exportsBy(this.rep, "customers", "contact")).containsExactly(2);
	}

	@Test
	void theListPagesOfferTheExportAndBadInputIsAProblem() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/accounts").with(session))
			.andExpect(content().string(containsString("id=\"export-csv\"")));
		this.mvc.perform(get("/contacts").with(session))
			.andExpect(content().string(containsString("id=\"export-xlsx\"")));
		this.mvc.perform(get("/api/v1/contacts/export").param("format", "ods").with(TestUsers.basic(this.rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("format"));
		this.mvc.perform(get("/api/v1/accounts/export").param("owner", "nobody").with(TestUsers.basic(this.rep)))
			.andExpect(status().isBadRequest());
	}

	private CustomField define(String recordType, String label, CustomFieldType type) {
		CustomField field = this.customFields.define(recordType,
				new CustomFieldDefinition(label + " " + this.suffix, type, null, Requirement.NEVER, null, null, false));
		this.added.add(field.id());
		return field;
	}

	private Account account(String name, Integer employees, String revenue, boolean partner) {
		return this.accounts.create(TestUsers.viewer(this.rep),
				new AccountDetails(name, null, null, null, null, null, null, null, null, employees,
						(revenue == null) ? null : new BigDecimal(revenue), null, this.rep.id(), null),
				Map.of(this.partner.key(), partner));
	}

	private void contact(String first, String last, Account account, String met) {
		this.contacts.create(TestUsers.viewer(this.rep),
				new ContactDetails(first, last, null, null, null, null, account.id(), this.rep.id()),
				(met == null) ? Map.of() : Map.of(this.met.key(), met));
	}

}
