package dev.bellwether.sales;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.internal.capture.UsageRecorder;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.listviews.ListView;
import dev.bellwether.listviews.ListViewDetails;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import dev.bellwether.platform.customfield.CustomFieldDefinition;
import dev.bellwether.platform.customfield.CustomFieldType;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.export.ExportFixtures;
import dev.bellwether.platform.export.XlsxSheets;
import dev.bellwether.platform.listview.ViewSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
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
 * The deal list exported from its page and through the API: the view's columns (a related
 * field and a custom field among them) in their order, its filters and sort, every
 * matching deal the person may see and no other, formulas neutralised, XLSX typed, the
 * export counted as usage.
 */
@IntegrationTest
class OpportunityExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	CustomFields customFields;

	@Autowired
	ListViews views;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	UsageRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private final List<UUID> added = new ArrayList<>();

	private User rep;

	private User otherRep;

	private CustomField tier;

	private String accountName;

	private ExportFixtures fixtures;

	@BeforeEach
	void dealsOfTwoReps() {
		this.fixtures = new ExportFixtures(this.accounts, this.opportunities, this.recorder, this.jdbc, this.clock);
		this.tier = this.customFields.define("opportunity", new CustomFieldDefinition("Tier " + this.suffix,
				CustomFieldType.PICK_LIST, List.of("Gold", "Silver"), Requirement.NEVER, null, null, false));
		this.added.add(this.tier.id());
		this.rep = this.users.create(Role.REP);
		this.otherRep = this.users.create(Role.REP);
		this.accountName = "Export Co " + this.suffix;
		UUID account = this.fixtures.account(this.rep, this.accountName);
		deal(this.rep, account, "Alpha " + this.suffix, "1500.00", "Gold");
		deal(this.rep, account, "=HYPERLINK(\"http://evil\") " + this.suffix, "900.00", "Silver");
		deal(this.rep, account, "Gamma " + this.suffix, "2500.00", "Gold");
		deal(this.otherRep, this.fixtures.account(this.otherRep, "Hidden Co " + this.suffix), "Hidden " + this.suffix,
				"9999.00", "Gold");
	}

	@AfterEach
	void retireTheField() {
		this.added.forEach(this.customFields::retire);
	}

	@Test
	void exportsTheSavedViewAsShownWithEveryMatchingDealTheRepMaySee() throws Exception {
		ListView view = this.views.create(TestUsers.viewer(this.rep), "opportunity",
				ListViewDetails.personal("Export " + this.suffix, ViewSettings.parse("q=" + this.suffix
						+ "&cols=name,account,cf." + this.tier.key() + ",amount,owner&sort=amount,desc&size=1")));
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);

		MockHttpServletResponse response = this.mvc.perform(
				get("/opportunities/export").param("view", view.id().toString()).param("format", "csv").with(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("deals-2026-06-17.csv")))
			.andExpect(header().string("X-Export-Rows", "3"))
			.andExpect(header().string("X-Export-Capped", "false"))
			.andReturn()
			.getResponse();
		List<String> lines = response.getContentAsString(StandardCharsets.UTF_8).lines().toList();

		String owner = this.rep.fullName();
		// every deal, not the view's page of one; in the view's order (amount, highest
		// first)
		assertThat(lines).containsExactly("\uFEFFDeal,Account,Tier " + this.suffix + ",Amount,Owner",
				"Gamma " + this.suffix + "," + this.accountName + ",Gold,2500.00," + owner,
				"Alpha " + this.suffix + "," + this.accountName + ",Gold,1500.00," + owner,
				"\"'=HYPERLINK(\"\"http://evil\"\") " + this.suffix + "\"," + this.accountName + ",Silver,900.00,"
						+ owner);
	}

	@Test
	void theAddressFiltersAndColumnsOverrideTheViewAsOnTheListPage() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);

		String csv = ExportFixtures.text(this.mvc.perform(get("/opportunities/export").param("q", this.suffix)
			.param("cf." + this.tier.key(), "Gold")
			.param("cols", "amount,name,stage")
			.param("sort", "name,asc")
			.with(session)));

		assertThat(csv.lines().toList()).containsExactly("\uFEFFAmount,Deal,Stage",
				"1500.00,Alpha " + this.suffix + "," + stageName(), "2500.00,Gamma " + this.suffix + "," + stageName());
	}

	@Test
	void theApiExportsXlsxWithTypedCellsAndTakesTheListEndpointsParameters() throws Exception {
		byte[] file = ExportFixtures.bytes(this.mvc
			.perform(get("/api/v1/opportunities/export").param("format", "xlsx")
				.param("q", this.suffix)
				.param("ownerId", this.rep.id().toString())
				.param("open", "true")
				.param("cols", "name,amount,closeDate,cf." + this.tier.key())
				.param("sort", "amount,asc")
				.with(TestUsers.basic(this.rep)))
			.andExpect(header().string("Content-Disposition", containsString("deals-2026-06-17.xlsx"))));

		List<List<Object>> rows = XlsxSheets.read(file).sheet(1);
		assertThat(rows).hasSize(4);
		assertThat(rows.get(0)).containsExactly("Deal", "Amount", "Close date", this.tier.label());
		assertThat(rows.get(1).get(0)).isEqualTo("=HYPERLINK(\"http://evil\") " + this.suffix);
		assertThat((BigDecimal) rows.get(1).get(1)).isEqualByComparingTo("900");
		assertThat(rows.get(1).get(2)).isInstanceOf(BigDecimal.class);
		assertThat(rows.get(1).get(3)).isEqualTo("Silver");
		assertThat(rows.get(3).get(0)).isEqualTo("Gamma " + this.suffix);
	}

	@Test
	void anotherRepsExportHoldsNoneOfTheseDeals() throws Exception {
		String csv = ExportFixtures.text(
				this.mvc
					.perform(get("/api/v1/opportunities/export").param("q", this.suffix)
						.param("cols", "name")
						.with(TestUsers.basic(this.otherRep)))
					.andExpect(header().string("X-Export-Rows", "1")));

		assertThat(csv.lines().toList()).containsExactly("\uFEFFDeal", "Hidden " + this.suffix);
	}

	@Test
	void anUnknownFormatOrABadFilterIsAProblemAndNoFile() throws Exception {
		this.mvc.perform(get("/api/v1/opportunities/export").param("format", "pdf").with(TestUsers.basic(this.rep)))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.errors[0].field").value("format"));
		this.mvc.perform(get("/api/v1/opportunities/export").param("status", "maybe").with(TestUsers.basic(this.rep)))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));
		this.mvc
			.perform(get("/api/v1/opportunities/export").param("cf.nosuchfield", "x").with(TestUsers.basic(this.rep)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anExportIsCountedAsUsageOfDeals() throws Exception {
		this.mvc.perform(get("/api/v1/opportunities/export").param("q", this.suffix).with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Alpha " + this.suffix)));

		assertThat(this.fixtures.exportsBy(this.rep, "sales", "opportunity")).containsExactly(3);
		assertThat(
				this.jdbc.sql("select count(*) from usage_events where user_id = :id and kind in ('VIEW', 'API_CALL')")
					.param("id", this.rep.id())
					.query(Long.class)
					.single())
			.isZero();
	}

	@Test
	void theListPageOffersTheExportOfTheListAsShown() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/opportunities").param("q", this.suffix).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"export-xlsx\"")))
			.andExpect(content()
				.string(containsString("/opportunities/export?format=xlsx&amp;view=&amp;q=" + this.suffix)));
	}

	private String stageName() {
		return this.jdbc.sql("select name from pipeline_stages where id = :id")
			.param("id", ExportFixtures.FIRST_STAGE)
			.query(String.class)
			.single();
	}

	private void deal(User owner, UUID account, String name, String amount, String tier) {
		this.fixtures.deal(owner, account, name, amount, Map.of(this.tier.key(), tier));
	}

}
