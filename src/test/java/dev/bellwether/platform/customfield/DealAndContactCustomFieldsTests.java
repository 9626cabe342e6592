package dev.bellwether.platform.customfield;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Custom fields on deals (required from a stage on) and contacts (a multi-select through
 * the form), and in the OpenAPI document. Fields added here are retired after each test.
 */
@IntegrationTest
class DealAndContactCustomFieldsTests {

	static final String PROPOSAL = "01900000-0000-7000-8000-000000000004";

	static final String NEGOTIATION = "01900000-0000-7000-8000-000000000005";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	CustomFields customFields;

	@Autowired
	Accounts accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final List<UUID> added = new ArrayList<>();

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	@AfterEach
	void retireTheFieldsAdded() {
		this.added.forEach(this.customFields::retire);
	}

	private CustomField define(String recordType, String label, CustomFieldType type, List<String> options,
			Requirement required, String requiredFrom) {
		CustomField field = this.customFields.define(recordType, new CustomFieldDefinition(label + " " + this.suffix,
				type, options, required, requiredFrom, null, false));
		this.added.add(field.id());
		return field;
	}

	private UUID account(User owner) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails("Cf Co " + this.suffix, null, null, null, null, null, null, null, null, null,
							null, null, owner.id(), null))
			.id();
	}

	@Test
	void aFieldRequiredFromAStageIsRequiredWhenTheDealReachesIt() throws Exception {
		CustomField po = define("opportunity", "PO number", CustomFieldType.TEXT, null, Requirement.FROM_STAGE,
				NEGOTIATION);
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		String location = this.mvc
			.perform(post("/api/v1/opportunities").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Robots %s", "accountId": "%s", "stageId": "%s", "closeDate": "2026-11-30"}
						""".formatted(this.suffix, account, PROPOSAL)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");

		this.mvc
			.perform(post(location + "/stage").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stageId\": \"" + NEGOTIATION + "\", \"version\": 0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("customFields." + po.key()))
			.andExpect(jsonPath("$.errors[0].message", containsString("required at this stage")));

		this.mvc.perform(put(location).with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Robots %s", "accountId": "%s", "stageId": "%s", "closeDate": "2026-11-30", "version": 0,
				 "customFields": {"%s": "PO-4711"}}
				""".formatted(this.suffix, account, NEGOTIATION, po.key())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stageName").value("Negotiation"))
			.andExpect(jsonPath("$.customFields." + po.key()).value("PO-4711"));

		this.mvc.perform(get("/api/v1/opportunities").param("cf." + po.key(), "PO-4711").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].name").value("Robots " + this.suffix));

		var session = TestUsers.signIn(this.mvc, rep);
		this.mvc.perform(get(location.replace("/api/v1", "")).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PO-4711")));
		this.mvc.perform(get(location.replace("/api/v1", "") + "/edit").with(session))
			.andExpect(content().string(containsString("name=\"customFields[" + po.key() + "]\"")));
	}

	@Test
	void aContactFormPostsTheChoicesOfAMultiSelect() throws Exception {
		String rare = "Qx" + this.suffix.replaceAll("[0-9]", "k");
		CustomField hobbies = define("contact", "Hobbies", CustomFieldType.MULTI_SELECT,
				List.of("Chess", "Golf", "Go", rare), Requirement.NEVER, null);
		CustomField vip = define("contact", "VIP", CustomFieldType.CHECKBOX, null, Requirement.NEVER, null);
		User rep = this.users.create(Role.REP);
		var session = TestUsers.signIn(this.mvc, rep);
		String location = this.mvc
			.perform(post("/contacts").with(csrf())
				.with(session)
				.param("lastName", "Hobbyist " + this.suffix)
				.param("ownerId", rep.id().toString())
				.param("customFields[" + hobbies.key() + "]", "", "Golf", "Chess", rare)
				.param("customFields[" + vip.key() + "]", "false", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		this.mvc.perform(get("/api/v1" + location).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customFields." + hobbies.key()).value(hasItems("Chess", "Golf")))
			.andExpect(jsonPath("$.customFields." + vip.key()).value(true));
		this.mvc.perform(get(location).with(session)).andExpect(content().string(containsString("Chess, Golf")));
		this.mvc.perform(get("/api/v1/search").param("q", rare.toLowerCase()).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hobbyist " + this.suffix)));
	}

	@Test
	void theOpenApiDocumentDescribesEachRecordTypesFields() throws Exception {
		CustomField tier = define("account", "Tier", CustomFieldType.PICK_LIST, List.of("Gold", "Silver"),
				Requirement.NEVER, null);
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/v3/api-docs").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.schemas.AccountCustomFields.properties." + tier.key() + ".enum")
				.value(hasItems("Gold", "Silver")))
			.andExpect(jsonPath("$.components.schemas.AccountRequest.properties.customFields.$ref")
				.value("#/components/schemas/AccountCustomFields"))
			.andExpect(jsonPath("$.components.schemas.OpportunityResource.properties.customFields.$ref")
				.value("#/components/schemas/OpportunityCustomFields"));
	}

	@Test
	void anIndexedFieldGetsAnExpressionIndexThatListsSortBy() throws Exception {
		CustomField score = this.customFields.define("opportunity", new CustomFieldDefinition("Score " + this.suffix,
				CustomFieldType.NUMBER, null, Requirement.NEVER, null, null, true));
		this.added.add(score.id());
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.sql("select indexdef from pg_indexes where indexname = :name")
				.param("name", "opportunities_cf_" + score.key().toLowerCase(java.util.Locale.ROOT) + "_sort_idx")
				.query(String.class)
				.optional())
			.hasValueSatisfying(definition -> org.assertj.core.api.Assertions.assertThat(definition)
				.contains("custom ->> '" + score.key() + "'")
				.contains("numeric")
				// the deal list's whole order when sorted by the field
				.endsWith("::numeric), close_date, id) WHERE (deleted_at IS NULL)"));

		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		for (String value : List.of("30", "4", "100")) {
			this.mvc
				.perform(post("/api/v1/opportunities").with(TestUsers.basic(rep))
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"name": "Scored %s %s", "accountId": "%s", "stageId": "%s", "closeDate": "2026-11-30",
							 "customFields": {"%s": %s}}
							""".formatted(this.suffix, value, account, PROPOSAL, score.key(), value)))
				.andExpect(status().isCreated());
		}
		this.mvc
			.perform(get("/api/v1/opportunities").param("accountId", account.toString())
				.param("sort", "cf." + score.key() + ",desc")
				.param("cf." + score.key() + ".from", "5")
				.with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(2))
			.andExpect(jsonPath("$.content[0].name").value("Scored " + this.suffix + " 100"))
			.andExpect(jsonPath("$.content[1].name").value("Scored " + this.suffix + " 30"));
	}

	@Test
	void anIndexOfTheOldShapeIsBuiltAgainInTheListsOrder() {
		CustomField score = this.customFields.define("opportunity", new CustomFieldDefinition("Rebuilt " + this.suffix,
				CustomFieldType.NUMBER, null, Requirement.NEVER, null, null, true));
		this.added.add(score.id());
		String key = score.key().toLowerCase(java.util.Locale.ROOT);
		// as CustomFieldIndexes built it before: (expr, id), under the old name
		this.jdbc.sql("drop index opportunities_cf_" + key + "_sort_idx").update();
		this.jdbc
			.sql("create index opportunities_cf_" + key + "_idx on opportunities (((custom ->> '" + score.key()
					+ "')::numeric), id) where deleted_at is null")
			.update();

		this.customFields.rebuildIndexes();

		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.sql("select indexname from pg_indexes where indexname like :prefix")
				.param("prefix", "opportunities_cf_" + key + "%")
				.query(String.class)
				.list())
			.containsExactly("opportunities_cf_" + key + "_sort_idx");
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.sql("select indexdef from pg_indexes where indexname = :name")
				.param("name", "opportunities_cf_" + key + "_sort_idx")
				.query(String.class)
				.single())
			.endsWith("::numeric), close_date, id) WHERE (deleted_at IS NULL)");
		// and again: nothing to do
		this.customFields.rebuildIndexes();
	}

}
