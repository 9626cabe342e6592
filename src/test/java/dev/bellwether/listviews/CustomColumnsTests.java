package dev.bellwether.listviews;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import dev.bellwether.platform.customfield.CustomFieldDefinition;
import dev.bellwether.platform.customfield.CustomFieldType;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.edit.BulkAction;
import dev.bellwether.platform.edit.BulkChanges;
import dev.bellwether.platform.edit.BulkOperation;
import dev.bellwether.platform.edit.BulkRequest;
import dev.bellwether.platform.edit.EditableField;
import dev.bellwether.platform.edit.FieldConflictException;
import dev.bellwether.platform.edit.FieldValue;
import dev.bellwether.platform.edit.InlineEdit;
import dev.bellwether.platform.listview.FilterType;
import dev.bellwether.platform.listview.ListDefinition;
import dev.bellwether.platform.listview.ListDefinitions;
import dev.bellwether.platform.listview.ViewSettings;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Custom fields in the lists: columns, filters and sort of the list definitions, saved
 * views with custom filters, inline edit and bulk changes of custom values. Fields added
 * here are retired after each test.
 */
@IntegrationTest
class CustomColumnsTests {

	private static final UUID FIRST_STAGE = UUID.fromString("01900000-0000-7000-8000-000000000001");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	CustomFields customFields;

	@Autowired
	ListDefinitions lists;

	@Autowired
	ListViews views;

	@Autowired
	InlineEdit edit;

	@Autowired
	BulkChanges bulk;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Clock clock;

	private final List<UUID> added = new ArrayList<>();

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private User rep;

	private CustomField tier;

	private CustomField score;

	private Opportunity gold;

	private Opportunity silver;

	@BeforeEach
	void dealsWithCustomValues() {
		this.tier = define("Tier", CustomFieldType.PICK_LIST, List.of("Gold", "Silver"));
		this.score = define("Score", CustomFieldType.NUMBER, null);
		this.rep = this.users.create(Role.REP);
		UUID account = this.accounts
			.create(TestUsers.viewer(this.rep),
					new AccountDetails("Columns Co " + this.suffix, null, null, null, null, null, null, null, null,
							null, null, null, this.rep.id(), null))
			.id();
		this.gold = deal(account, "Golden deal " + this.suffix, Map.of(this.tier.key(), "Gold", this.score.key(), "7"));
		this.silver = deal(account, "Silver deal " + this.suffix,
				Map.of(this.tier.key(), "Silver", this.score.key(), "3"));
	}

	@AfterEach
	void retireTheFieldsAdded() {
		this.added.forEach(id -> {
			if (!this.customFields.get(id).isRetired()) {
				this.customFields.retire(id);
			}
		});
	}

	private CustomField define(String label, CustomFieldType type, List<String> options) {
		CustomField field = this.customFields.define("opportunity", new CustomFieldDefinition(label + " " + this.suffix,
				type, options, Requirement.NEVER, null, null, false));
		this.added.add(field.id());
		return field;
	}

	private Opportunity deal(UUID account, String name, Map<String, ?> custom) {
		return this.opportunities
			.create(TestUsers.viewer(this.rep),
					new OpportunityDetails(name, account, null, this.rep.id(), FIRST_STAGE, new BigDecimal("1000.00"),
							false, LocalDate.now(this.clock).plusMonths(2), null, null, null, null, null, null),
					custom);
	}

	@Test
	void theDealListOffersEachActiveFieldAsAColumnAndFilter() {
		ListDefinition list = this.lists.get("opportunity");

		assertThat(list.column("cf." + this.tier.key())).hasValueSatisfying(column -> {
			assertThat(column.label()).isEqualTo(this.tier.label());
			assertThat(column.isSortable()).isTrue();
		});
		assertThat(list.filter("cf." + this.tier.key())).hasValueSatisfying(filter -> {
			assertThat(filter.type()).isEqualTo(FilterType.CHOICE);
			assertThat(filter.choices()).containsExactly("Gold", "Silver");
		});
		assertThat(list.filter("cf." + this.score.key() + ".from")).isPresent();
		assertThat(list.filter("cf." + this.tier.key() + ".from")).isEmpty();

		this.customFields.retire(this.score.id());
		ListDefinition now = this.lists.get("opportunity");
		assertThat(now.column("cf." + this.score.key())).isEmpty();
		assertThat(now.filter("cf." + this.score.key())).hasValueSatisfying(f -> assertThat(f.retired()).isTrue());
		assertThatThrownBy(() -> now.check(ViewSettings.parse("cf." + this.score.key() + "=3")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("retired");
	}

	@Test
	void aSavedViewsCustomFilterColumnAndSortShapeTheList() throws Exception {
		ListView view = this.views.create(TestUsers.viewer(this.rep), "opportunity",
				ListViewDetails.personal("Gold " + this.suffix,
						ViewSettings.parse("owner=me&cf." + this.tier.key() + "=Gold&cols=name,cf." + this.tier.key()
								+ ",cf." + this.score.key() + "&sort=cf." + this.score.key() + ",desc")));
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);

		this.mvc.perform(get("/opportunities").param("view", view.id().toString()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.gold.name())))
			.andExpect(content().string(not(containsString(this.silver.name()))))
			.andExpect(content().string(containsString(this.tier.label())))
			.andExpect(content().string(containsString("data-inline-field=\"cf." + this.tier.key() + "\"")))
			.andExpect(content().string(containsString("data-inline-value=\"7\">7</td>")))
			.andExpect(content().string(containsString("data-inline-value=\"Gold\">Gold</td>")));

		// the filter is offered under "More filters", open and set
		this.mvc.perform(get("/opportunities").param("view", view.id().toString()).with(session))
			.andExpect(content().string(containsString("<details class=\"col-12 bw-more-filters\" open")))
			.andExpect(content().string(containsString("<option value=\"Gold\" selected=\"selected\">Gold</option>")));

		// the URL overrides the view's custom filter, and a range works as well
		this.mvc
			.perform(get("/opportunities").param("view", view.id().toString())
				.param("cf." + this.tier.key(), "Silver")
				.param("cf." + this.score.key() + ".to", "5")
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.silver.name())))
			.andExpect(content().string(not(containsString(this.gold.name()))));

		// a choice is matched without case, as in the API
		this.mvc
			.perform(get("/opportunities").param("owner", "me").param("cf." + this.tier.key(), "gold").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.gold.name())))
			.andExpect(content().string(not(containsString(this.silver.name()))));

		// sorted by the custom column, descending: 7 before 3
		String page = this.mvc
			.perform(get("/opportunities").param("owner", "me")
				.param("cols", "name,cf." + this.score.key())
				.param("sort", "cf." + this.score.key() + ",desc")
				.with(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf(this.gold.name())).isLessThan(page.indexOf(this.silver.name()));

		// a field retired since: the view opens without it, saying so
		this.customFields.retire(this.tier.id());
		this.mvc.perform(get("/opportunities").param("view", view.id().toString()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("which this list no longer offers")))
			.andExpect(content().string(containsString(this.silver.name())));
	}

	@Test
	void aCustomFieldIsEditedInPlaceValidatedAndVersioned() {
		String field = "cf." + this.score.key();
		assertThat(this.edit.fields("opportunity")).extracting(EditableField::name)
			.contains(field, "cf." + this.tier.key());

		FieldValue saved = this.edit.edit(this.rep.id(), "opportunity", this.gold.id(), field, "12.5",
				this.gold.version());
		assertThat(saved.value()).isEqualTo("12.5");
		assertThat(saved.display()).isEqualTo("12.5");
		assertThat(saved.version()).isEqualTo(this.gold.version() + 1);
		assertThat(this.opportunities.get(TestUsers.viewer(this.rep), this.gold.id())
			.customFields()
			.get(this.score.key())
			.toString()).isEqualTo("12.5");

		assertThatThrownBy(
				() -> this.edit.edit(this.rep.id(), "opportunity", this.gold.id(), field, "lots", saved.version()))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.fieldErrors()).containsKey(field));

		assertThatThrownBy(
				() -> this.edit.edit(this.rep.id(), "opportunity", this.gold.id(), field, "1", this.gold.version()))
			.isInstanceOfSatisfying(FieldConflictException.class,
					ex -> assertThat(ex.current().value()).isEqualTo("12.5"));
	}

	@Test
	void aBulkChangeOfACustomFieldIsUndone() {
		String field = "cf." + this.tier.key();
		BulkOperation done = this.bulk.start(this.rep.id(),
				BulkRequest.change("opportunity", List.of(this.gold.id(), this.silver.id()), field, "Silver"));
		assertThat(tierOf(this.gold)).isEqualTo("Silver");
		assertThat(tierOf(this.silver)).isEqualTo("Silver");

		this.bulk.undo(this.rep.id(), done.id());
		assertThat(tierOf(this.gold)).isEqualTo("Gold");
		assertThat(tierOf(this.silver)).isEqualTo("Silver");
	}

	@Test
	void aBulkChangeOfAllMatchingHonoursTheCustomFilter() {
		BulkOperation done = this.bulk.start(this.rep.id(),
				new BulkRequest("opportunity", BulkAction.CHANGE, List.of(), true,
						Map.of("owner", this.rep.id().toString(), "cf." + this.tier.key(), "Gold"),
						"cf." + this.score.key(), "1", null, null));
		assertThat(done.total()).isEqualTo(1);
		assertThat(scoreOf(this.gold)).isEqualTo("1");
		assertThat(scoreOf(this.silver)).isEqualTo("3");
	}

	@Test
	void theApiEditsACustomFieldAnswering400And409InPlace() throws Exception {
		String field = "cf." + this.score.key();
		this.mvc
			.perform(patch("/api/v1/opportunities/{id}/fields/{field}", this.gold.id(), field)
				.with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"42\",\"version\":" + this.gold.version() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value("42"))
			.andExpect(jsonPath("$.version").value(this.gold.version() + 1));
		this.mvc
			.perform(patch("/api/v1/opportunities/{id}/fields/{field}", this.gold.id(), field)
				.with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"many\",\"version\":" + (this.gold.version() + 1) + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
		this.mvc
			.perform(patch("/api/v1/opportunities/{id}/fields/{field}", this.gold.id(), field)
				.with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"5\",\"version\":" + this.gold.version() + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.current.value").value("42"));
		this.mvc.perform(get("/opportunities/{id}", this.gold.id()).with(TestUsers.signIn(this.mvc, this.rep)))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("data-inline-field=\"" + field + "\" data-inline-value=\"42\"")));
		this.mvc.perform(get("/api/v1/fields/opportunity").with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"" + field + "\"")));
	}

	@Test
	void theAccountListShowsFiltersAndSortsByACustomField() throws Exception {
		CustomField region = this.customFields.define("account", new CustomFieldDefinition("Region " + this.suffix,
				CustomFieldType.TEXT, null, Requirement.NEVER, null, null, false));
		this.added.add(region.id());
		UUID north = this.accounts
			.create(TestUsers.viewer(this.rep),
					new AccountDetails("North " + this.suffix, null, null, null, null, null, null, null, null, null,
							null, null, this.rep.id(), null),
					Map.of(region.key(), "Nordics"))
			.id();
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);
		this.mvc
			.perform(get("/accounts").param("owner", "me")
				.param("cols", "name,cf." + region.key())
				.param("cf." + region.key(), "Nordics")
				.param("sort", "cf." + region.key() + ",asc")
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("North " + this.suffix)))
			.andExpect(content().string(not(containsString("Columns Co " + this.suffix))))
			.andExpect(content().string(
					containsString("data-inline-id=\"" + north + "\" data-inline-field=\"cf." + region.key() + "\"")))
			.andExpect(content().string(containsString(">Nordics</td>")))
			.andExpect(content().string(containsString("More filters")));
	}

	private Object scoreOf(Opportunity deal) {
		Object value = this.opportunities.get(TestUsers.viewer(this.rep), deal.id())
			.customFields()
			.get(this.score.key());
		return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
	}

	private Object tierOf(Opportunity deal) {
		return this.opportunities.get(TestUsers.viewer(this.rep), deal.id()).customFields().get(this.tier.key());
	}

}
