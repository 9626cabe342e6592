package dev.bellwether.platform.customfield;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Inline edit of multi-select and date-time custom fields: offered with their own inputs
 * (choices; a day and a time in the company's zone), saved through the module's update,
 * invalid values answered in place with the field named.
 */
@IntegrationTest
class InlineCustomInputsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	static final UUID FIRST_STAGE = UUID.fromString("01900000-0000-7000-8000-000000000001");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	CustomFields customFields;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	java.time.Clock clock;

	private final List<UUID> added = new ArrayList<>();

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private CustomField regions;

	private CustomField kickOff;

	private User rep;

	private Opportunity deal;

	@BeforeEach
	void aDealWithTwoCustomFields() {
		this.regions = define("Regions", CustomFieldType.MULTI_SELECT, List.of("North", "South", "East"));
		this.kickOff = define("Kick-off", CustomFieldType.DATE_TIME, null);
		this.rep = this.users.create(Role.REP);
		UUID account = this.accounts
			.create(TestUsers.viewer(this.rep),
					new AccountDetails("Inline cf " + this.suffix, null, null, null, null, null, null, null, null, null,
							null, null, this.rep.id(), null))
			.id();
		this.deal = this.opportunities.create(TestUsers.viewer(this.rep),
				new OpportunityDetails("Inline cf deal " + this.suffix, account, null, this.rep.id(), FIRST_STAGE,
						new BigDecimal("1000.00"), false, LocalDate.now(this.clock).plusMonths(2), null, null, null,
						null, null, null));
	}

	@AfterEach
	void retireTheFieldsAdded() {
		this.added.forEach(this.customFields::retire);
	}

	private CustomField define(String label, CustomFieldType type, List<String> options) {
		CustomField field = this.customFields.define("opportunity", new CustomFieldDefinition(label + " " + this.suffix,
				type, options, Requirement.NEVER, null, null, false));
		this.added.add(field.id());
		return field;
	}

	private JsonNode field(JsonNode fields, String name) {
		for (JsonNode field : fields) {
			if (field.get("name").asText().equals(name)) {
				return field;
			}
		}
		throw new AssertionError("no field " + name);
	}

	@Test
	void theFieldsComeWithTheirOwnInputs() throws Exception {
		var session = TestUsers.signIn(this.mvc, this.rep);
		JsonNode fields = JSON.readTree(this.mvc.perform(get("/edit/fields/opportunities").with(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		JsonNode regions = field(fields, this.regions.filterName());
		assertThat(regions.get("input").asText()).isEqualTo("MULTI_SELECT");
		assertThat(regions.get("options").findValuesAsText("value")).containsExactly("North", "South", "East");
		assertThat(field(fields, this.kickOff.filterName()).get("input").asText()).isEqualTo("DATE_TIME");
	}

	@Test
	void aMultiSelectIsSavedAsItsChoicesAndAnUnknownOneIsAnsweredInPlace() throws Exception {
		var session = TestUsers.signIn(this.mvc, this.rep);
		this.mvc
			.perform(patch("/edit/opportunities/{id}/fields/{field}", this.deal.id(), this.regions.filterName())
				.with(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"East,North\",\"version\":" + this.deal.version() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value("North,East"))
			.andExpect(jsonPath("$.display", containsString("North")))
			.andExpect(jsonPath("$.version").value(this.deal.version() + 1));

		this.mvc
			.perform(patch("/edit/opportunities/{id}/fields/{field}", this.deal.id(), this.regions.filterName())
				.with(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"North,Atlantis\",\"version\":" + (this.deal.version() + 1) + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(this.regions.filterName()))
			.andExpect(jsonPath("$.detail", containsString("Atlantis")));

		this.mvc
			.perform(patch("/edit/opportunities/{id}/fields/{field}", this.deal.id(), this.regions.filterName())
				.with(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"\",\"version\":" + (this.deal.version() + 1) + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.display").value(""));
	}

	@Test
	void aDateTimeIsSavedFromADatetimeLocalValueAndShownBackTheSameWay() throws Exception {
		var session = TestUsers.signIn(this.mvc, this.rep);
		this.mvc
			.perform(patch("/edit/opportunities/{id}/fields/{field}", this.deal.id(), this.kickOff.filterName())
				.with(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"tomorrow at noon\",\"version\":" + this.deal.version() + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(this.kickOff.filterName()));

		this.mvc
			.perform(patch("/edit/opportunities/{id}/fields/{field}", this.deal.id(), this.kickOff.filterName())
				.with(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"2026-07-01T14:30\",\"version\":" + this.deal.version() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value("2026-07-01T14:30"));

		// the record page hands inline edit the value as the datetime-local input takes
		// it
		this.mvc.perform(get("/opportunities/{id}", this.deal.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-inline-value=\"2026-07-01T14:30\"")));
	}

}
