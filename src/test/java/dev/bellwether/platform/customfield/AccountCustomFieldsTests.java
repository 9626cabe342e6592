package dev.bellwether.platform.customfield;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.audit.FieldHistory;
import dev.bellwether.audit.FieldHistoryEntry;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Custom fields on accounts through the API, the forms and record pages, the lists'
 * filters and sorting, field history and the global search. Every field a test adds is
 * retired after it, so that other tests sharing the database never meet it.
 */
@IntegrationTest
class AccountCustomFieldsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	CustomFields customFields;

	@Autowired
	FieldHistory history;

	private final List<UUID> added = new ArrayList<>();

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	@AfterEach
	void retireTheFieldsAdded() {
		this.added.forEach(this.customFields::retire);
	}

	private CustomField define(String label, CustomFieldType type, List<String> options, Requirement required) {
		CustomField field = this.customFields.define("account", new CustomFieldDefinition(label + " " + this.suffix,
				type, options, required, null, "Help for " + label, false));
		this.added.add(field.id());
		return field;
	}

	private String create(User user, String json) throws Exception {
		return this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	@Test
	void theApiReadsWritesFiltersAndSortsCustomFields() throws Exception {
		CustomField tier = define("Tier", CustomFieldType.PICK_LIST, List.of("Gold", "Silver"), Requirement.NEVER);
		CustomField arr = define("ARR", CustomFieldType.MONEY, null, Requirement.NEVER);
		User rep = this.users.create(Role.REP);
		String name = "Custom " + this.suffix;
		String location = create(rep, """
				{"name": "%s A", "customFields": {"%s": "gold", "%s": 1250}}
				""".formatted(name, tier.key(), arr.key()));
		create(rep, """
				{"name": "%s B", "customFields": {"%s": "Silver", "%s": 99.5}}
				""".formatted(name, tier.key(), arr.key()));

		this.mvc.perform(get(location).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customFields." + tier.key()).value("Gold"))
			.andExpect(jsonPath("$.customFields." + arr.key()).value(1250.00));

		this.mvc.perform(
				get("/api/v1/accounts").param("q", name).param("cf." + tier.key(), "GOLD").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content", hasSize(1)))
			.andExpect(jsonPath("$.content[0].name").value(name + " A"));
		this.mvc
			.perform(get("/api/v1/accounts").param("q", name)
				.param("cf." + arr.key() + ".to", "100")
				.with(TestUsers.basic(rep)))
			.andExpect(jsonPath("$.content", hasSize(1)))
			.andExpect(jsonPath("$.content[0].name").value(name + " B"));
		this.mvc
			.perform(get("/api/v1/accounts").param("q", name)
				.param("sort", "cf." + arr.key() + ",asc")
				.with(TestUsers.basic(rep)))
			.andExpect(jsonPath("$.content[0].name").value(name + " B"))
			.andExpect(jsonPath("$.content[1].name").value(name + " A"));

		// a key not sent keeps its value; null clears one
		this.mvc.perform(put(location).with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "%s A", "version": 0, "customFields": {"%s": null}}
				""".formatted(name, arr.key())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customFields." + tier.key()).value("Gold"))
			.andExpect(jsonPath("$.customFields." + arr.key()).doesNotExist());
	}

	@Test
	void badValuesAndUnknownKeysAreRefusedWithFieldErrors() throws Exception {
		CustomField arr = define("ARR", CustomFieldType.MONEY, null, Requirement.NEVER);
		User rep = this.users.create(Role.REP);
		this.mvc.perform(
				post("/api/v1/accounts").with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
						{"name": "Refused %s", "customFields": {"%s": "12.345", "noSuchField": "x"}}
						""".formatted(this.suffix, arr.key())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'customFields.%s')].message".formatted(arr.key()))
				.value("Use at most 2 decimals."))
			.andExpect(jsonPath("$.errors[?(@.field == 'customFields.noSuchField')].message")
				.value("There is no custom field 'noSuchField' on accounts."));
		this.mvc.perform(get("/api/v1/accounts").param("cf.noSuchField", "x").with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aRequiredFieldIsRequiredAndARetiredOneCanNoLongerBeFilteredOn() throws Exception {
		CustomField region = define("Region", CustomFieldType.TEXT, null, Requirement.ALWAYS);
		User rep = this.users.create(Role.REP);
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Needs region " + this.suffix + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("customFields." + region.key()));
		String location = create(rep, """
				{"name": "Has region %s", "customFields": {"%s": "Nordics"}}
				""".formatted(this.suffix, region.key()));

		this.customFields.retire(region.id());
		this.mvc.perform(get("/api/v1/accounts").param("cf." + region.key(), "Nordics").with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("is retired")));
		// the value stays, and a record without the field's value can be saved again
		this.mvc.perform(get(location).with(TestUsers.basic(rep)))
			.andExpect(jsonPath("$.customFields." + region.key()).value("Nordics"));
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"No region needed " + this.suffix + "\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void aKeyCanNotBeABuiltInFieldOrOneUsedBefore() {
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> this.customFields.define("account",
				new CustomFieldDefinition("Phone", CustomFieldType.TEXT, null, null, null, null, false))))
			.hasMessageContaining("a built-in field of accounts");
		CustomField once = define("Segment", CustomFieldType.TEXT, null, Requirement.NEVER);
		this.customFields.retire(once.id());
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> this.customFields.define("account",
				new CustomFieldDefinition(once.label(), CustomFieldType.TEXT, null, null, null, null, false))))
			.hasMessageContaining("exists already");
	}

	@Test
	void changesAreInTheFieldHistoryUnderTheLabelAndTextValuesAreSearched() throws Exception {
		CustomField motto = define("Motto", CustomFieldType.TEXT, null, Requirement.NEVER);
		User rep = this.users.create(Role.REP);
		String word = "zq" + this.suffix.replaceAll("[0-9]", "x");
		String location = create(rep, """
				{"name": "Historic %s", "customFields": {"%s": "Always %s"}}
				""".formatted(this.suffix, motto.key(), word));
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		this.mvc.perform(put(location).with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Historic %s", "version": 0, "customFields": {"%s": "Never %s"}}
				""".formatted(this.suffix, motto.key(), word))).andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.history.of("account", id, PageRequest.of(0, 20))
				.getContent()
				.stream()
				.anyMatch(entry -> motto.label().equals(entry.field()) && entry.oldValue() != null));
		FieldHistoryEntry change = this.history.of("account", id, PageRequest.of(0, 20))
			.getContent()
			.stream()
			.filter(entry -> motto.label().equals(entry.field()) && entry.oldValue() != null)
			.findFirst()
			.orElseThrow();
		assertThat(change.oldValue()).isEqualTo("Always " + word);
		assertThat(change.newValue()).isEqualTo("Never " + word);

		this.mvc.perform(get("/api/v1/search").param("q", word).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Historic " + this.suffix)));
	}

	@Test
	void formsShowTheActiveFieldsAndRecordPagesTheirValues() throws Exception {
		CustomField tier = define("Tier", CustomFieldType.PICK_LIST, List.of("Gold", "Silver"), Requirement.NEVER);
		CustomField renewal = define("Renewal", CustomFieldType.DATE, null, Requirement.NEVER);
		User rep = this.users.create(Role.REP);
		var session = TestUsers.signIn(this.mvc, rep);

		this.mvc.perform(get("/accounts/new").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"customFields[" + tier.key() + "]\"")))
			.andExpect(content().string(containsString("Help for Tier")));

		this.mvc
			.perform(post("/accounts").with(csrf())
				.with(session)
				.param("name", "Form " + this.suffix)
				.param("ownerId", rep.id().toString())
				.param("customFields[" + tier.key() + "]", "Gold")
				.param("customFields[" + renewal.key() + "]", "17/06/2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a date as year-month-day")));

		String location = this.mvc
			.perform(post("/accounts").with(csrf())
				.with(session)
				.param("name", "Form " + this.suffix)
				.param("ownerId", rep.id().toString())
				.param("customFields[" + tier.key() + "]", "Gold")
				.param("customFields[" + renewal.key() + "]", "2026-06-17"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		this.mvc.perform(get(location).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tier.label())))
			.andExpect(content().string(containsString("17 Jun 2026")));

		this.customFields.retire(renewal.id());
		this.mvc.perform(get(location).with(session))
			.andExpect(content().string(containsString("retired")))
			.andExpect(content().string(containsString("17 Jun 2026")));
		this.mvc.perform(get(location + "/edit").with(session))
			.andExpect(content().string(not(containsString("customFields[" + renewal.key() + "]"))));
	}

	@Test
	void administratorsAndSalesAdministratorsManageFieldsOthersMayNot() throws Exception {
		User salesAdmin = this.users.create(Role.SALES_ADMIN);
		User rep = this.users.create(Role.REP);
		var session = TestUsers.signIn(this.mvc, salesAdmin);
		this.mvc
			.perform(post("/admin/custom-fields").param("recordType", "contact")
				.with(csrf())
				.with(session)
				.param("label", "Hobby " + this.suffix)
				.param("type", "MULTI_SELECT")
				.param("options", "Chess\nGolf")
				.param("required", "NEVER"))
			.andExpect(status().is3xxRedirection());
		CustomField hobby = this.customFields.active("contact")
			.stream()
			.filter(f -> f.label().equals("Hobby " + this.suffix))
			.findFirst()
			.orElseThrow();
		this.added.add(hobby.id());
		this.mvc.perform(get("/admin/custom-fields").param("recordType", "contact").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(hobby.key())));
		this.mvc.perform(get("/admin/custom-fields").with(TestUsers.signIn(this.mvc, rep)))
			.andExpect(status().isForbidden());
	}

	@Test
	void administratorsChangeReorderAndRetireFieldsOnThePage() throws Exception {
		CustomField first = define("Alpha", CustomFieldType.PICK_LIST, List.of("One", "Two"), Requirement.NEVER);
		CustomField second = define("Beta", CustomFieldType.TEXT, null, Requirement.NEVER);
		var session = TestUsers.signIn(this.mvc, this.users.create(Role.ADMIN));

		this.mvc.perform(get("/admin/custom-fields/{id}/edit", first.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(first.key())));
		this.mvc
			.perform(post("/admin/custom-fields/{id}", first.id()).with(csrf())
				.with(session)
				.param("label", "Alpha renamed " + this.suffix)
				.param("type", "PICK_LIST")
				.param("options", "One\nTwo\nThree")
				.param("required", "NEVER")
				.param("helpText", "Now with three")
				.param("version", String.valueOf(first.version())))
			.andExpect(status().is3xxRedirection());
		CustomField renamed = this.customFields.get(first.id());
		assertThat(renamed.label()).isEqualTo("Alpha renamed " + this.suffix);
		assertThat(renamed.key()).isEqualTo(first.key());
		assertThat(renamed.options()).containsExactly("One", "Two", "Three");

		// a stale version is refused in place
		this.mvc
			.perform(post("/admin/custom-fields/{id}", first.id()).with(csrf())
				.with(session)
				.param("label", "Alpha again")
				.param("options", "One")
				.param("required", "NEVER")
				.param("version", String.valueOf(first.version())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("alert-danger")));
		assertThat(this.customFields.get(first.id()).label()).isEqualTo("Alpha renamed " + this.suffix);

		this.mvc
			.perform(post("/admin/custom-fields/{id}/move", second.id()).param("up", "true").with(csrf()).with(session))
			.andExpect(status().is3xxRedirection());
		List<UUID> order = this.customFields.all("account")
			.stream()
			.map(CustomField::id)
			.filter(id -> id.equals(first.id()) || id.equals(second.id()))
			.toList();
		assertThat(order).containsExactly(second.id(), first.id());

		this.mvc.perform(post("/admin/custom-fields/{id}/retire", second.id()).with(csrf()).with(session))
			.andExpect(status().is3xxRedirection());
		assertThat(this.customFields.active("account")).extracting(CustomField::id).doesNotContain(second.id());
	}

}
