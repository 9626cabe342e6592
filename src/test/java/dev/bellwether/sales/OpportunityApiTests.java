package dev.bellwether.sales;

import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The opportunities API, status code by status code.
 */
@IntegrationTest
class OpportunityApiTests {

	static final String PROPOSAL = "01900000-0000-7000-8000-000000000004";

	static final String NEGOTIATION = "01900000-0000-7000-8000-000000000005";

	static final String LOST = "01900000-0000-7000-8000-000000000007";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	private UUID account(User owner) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails("Api Co " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
							null, null, null, owner.id(), null))
			.id();
	}

	private String create(User rep, UUID account) throws Exception {
		return this.mvc
			.perform(post("/api/v1/opportunities").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Warehouse robots", "accountId": "%s", "stageId": "%s", "amount": 40000,
						 "closeDate": "2026-11-30"}
						""".formatted(account, PROPOSAL)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	@Test
	void createsReadsUpdatesAndMovesADeal() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = create(rep, account(rep));

		this.mvc.perform(get(location).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Warehouse robots"))
			.andExpect(jsonPath("$.ownerId").value(rep.id().toString()))
			.andExpect(jsonPath("$.stageName").value("Proposal"))
			.andExpect(jsonPath("$.probability").value(60))
			.andExpect(jsonPath("$.forecastCategory").value("BEST_CASE"))
			.andExpect(jsonPath("$.currency").value("USD"))
			.andExpect(jsonPath("$.version").value(0));

		String body = this.mvc.perform(get(location).with(TestUsers.basic(rep)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc.perform(put(location).with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Warehouse robots", "accountId": "%s", "stageId": "%s", "amount": 45000,
				 "closeDate": "2026-12-15", "version": 0}
				""".formatted(JsonPath.read(body, "$.accountId"), PROPOSAL)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amount").value(45000))
			.andExpect(jsonPath("$.version").value(1));

		this.mvc
			.perform(post(location + "/stage").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stageId\": \"" + NEGOTIATION + "\", \"version\": 1}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stageName").value("Negotiation"))
			.andExpect(jsonPath("$.forecastCategory").value("COMMIT"));

		this.mvc.perform(get(location + "/history").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[0].fromStageName").value("Proposal"))
			.andExpect(jsonPath("$[0].toStageName").value("Negotiation"))
			.andExpect(jsonPath("$[1].fromAmount").value(40000.0))
			.andExpect(jsonPath("$[1].toCloseDate").value("2026-12-15"));

		this.mvc
			.perform(get("/api/v1/opportunities").param("stageId", NEGOTIATION)
				.param("ownerId", rep.id().toString())
				.param("sort", "closeDate,asc")
				.with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].accountName", containsString("Api Co")));
	}

	@Test
	void badInputGetsAFieldErrorForEachProblemAndSavesNothing() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc
			.perform(post("/api/v1/opportunities").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Bad", "accountId": "%s", "ownerId": "%s", "stageId": "%s", "amount": -1,
						 "closeDate": "31/12/2026"}
						""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("closeDate")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("amount")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("accountId")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("ownerId")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("stageId")))
			.andExpect(
					jsonPath("$.errors[?(@.field == 'closeDate')].message", hasItem(containsString("is not a date"))));

		this.mvc.perform(get("/api/v1/opportunities").param("q", "Bad").with(TestUsers.basic(rep)))
			.andExpect(jsonPath("$.page.totalElements").value(0));
	}

	@Test
	void anUnparseableCloseDateAloneIsStillRefused() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc
			.perform(post("/api/v1/opportunities").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Date only", "accountId": "%s", "stageId": "%s", "closeDate": "2026-02-30",
						 "forecastCategory": "COMMIT"}
						""".formatted(account(rep), PROPOSAL)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("closeDate"));
	}

	@Test
	void losingWithoutAReasonIsABadRequest() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = create(rep, account(rep));

		this.mvc
			.perform(post(location + "/stage").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stageId\": \"" + LOST + "\", \"version\": 0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lossReason"));
		this.mvc
			.perform(post(location + "/stage").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stageId\": \"" + LOST
						+ "\", \"version\": 0, \"lossReason\": \"Stayed with the incumbent vendor\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lossReason").value("Stayed with the incumbent vendor"))
			.andExpect(jsonPath("$.forecastCategory").value("OMITTED"))
			.andExpect(jsonPath("$.closedAt").isNotEmpty());
	}

	@Test
	void losingForOtherAsksForTheReasonInWordsAndACompetitorIsPlainText() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = this.mvc
			.perform(post("/api/v1/opportunities").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Lost to spreadsheets", "accountId": "%s", "stageId": "%s", "amount": 1000,
						 "closeDate": "2026-11-30", "competitor": "  Acme CRM "}
						""".formatted(account(rep), PROPOSAL)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.competitor").value("Acme CRM"))
			.andReturn()
			.getResponse()
			.getHeader("Location");

		// "other" is the pick list's key of "Other"
		this.mvc
			.perform(post(location + "/stage").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stageId\": \"" + LOST + "\", \"version\": 0, \"lossReason\": \"other\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lossReasonDetail"))
			.andExpect(jsonPath("$.errors[0].message").value("Say what the other reason was."));
		this.mvc.perform(post(location + "/stage").with(TestUsers.basic(rep))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"stageId\": \"" + LOST
					+ "\", \"version\": 0, \"lossReason\": \"Other\", \"lossReasonDetail\": \"Built it in-house\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lossReason").value("Other"))
			.andExpect(jsonPath("$.lossReasonDetail").value("Built it in-house"))
			.andExpect(jsonPath("$.competitor").value("Acme CRM"));
		// reopened, the deal keeps no loss reason nor its detail
		this.mvc
			.perform(post(location + "/stage").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stageId\": \"" + PROPOSAL + "\", \"version\": 1}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lossReason").doesNotExist())
			.andExpect(jsonPath("$.lossReasonDetail").doesNotExist());
		// a named reason needs no detail
		this.mvc
			.perform(post(location + "/stage").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stageId\": \"" + LOST + "\", \"version\": 2, \"lossReason\": \"No budget this year\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lossReasonDetail").doesNotExist());
	}

	@Test
	void aStaleVersionIsAConflict() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = create(rep, account(rep));
		this.mvc
			.perform(post(location + "/stage").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stageId\": \"" + NEGOTIATION + "\", \"version\": 0}"))
			.andExpect(status().isOk());

		this.mvc
			.perform(post(location + "/stage").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stageId\": \"" + PROPOSAL + "\", \"version\": 0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409));
	}

	@Test
	void anUnknownOrHiddenDealIsNotFoundAndASeenButNotOwnedOneForbidden() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		User otherRep = this.users.create(Role.REP);
		User executive = this.users.create(Role.EXECUTIVE);
		String location = create(rep, account(rep));

		this.mvc.perform(get("/api/v1/opportunities/" + UUID.randomUUID()).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/opportunities/not-an-id").with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(location).with(TestUsers.basic(otherRep))).andExpect(status().isNotFound());
		this.mvc.perform(get(location + "/history").with(TestUsers.basic(otherRep))).andExpect(status().isNotFound());
		this.mvc.perform(get(location).with(TestUsers.basic(executive))).andExpect(status().isOk());
		this.mvc
			.perform(post(location + "/stage").with(TestUsers.basic(executive))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stageId\": \"" + NEGOTIATION + "\", \"version\": 0}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete(location).with(TestUsers.basic(executive))).andExpect(status().isForbidden());
	}

	@Test
	void deletedDealsAreRestoredAndOnlyAdministratorsPurge() throws Exception {
		User rep = this.users.create(Role.REP);
		User admin = this.users.create(Role.ADMIN);
		String location = create(rep, account(rep));

		this.mvc.perform(delete(location).with(TestUsers.basic(rep))).andExpect(status().isNoContent());
		this.mvc.perform(get(location).with(TestUsers.basic(rep))).andExpect(status().isNotFound());
		this.mvc.perform(post(location + "/restore").with(TestUsers.basic(rep))).andExpect(status().isOk());
		this.mvc.perform(delete(location).with(TestUsers.basic(rep))).andExpect(status().isNoContent());
		this.mvc.perform(delete(location + "/purge").with(TestUsers.basic(rep))).andExpect(status().isForbidden());
		this.mvc.perform(delete(location + "/purge").with(TestUsers.basic(admin))).andExpect(status().isNoContent());
		this.mvc.perform(post(location + "/restore").with(TestUsers.basic(admin))).andExpect(status().isNotFound());
	}

	@Test
	void lineItemsAddUpToTheAmount() throws Exception {
		User rep = this.users.create(Role.REP);
		User salesAdmin = this.users.create(Role.SALES_ADMIN);
		String product = this.mvc
			.perform(post("/api/v1/products").with(TestUsers.basic(salesAdmin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"BOT-" + UUID.randomUUID().toString().substring(0, 6)
						+ "\", \"name\": \"Robot\", \"listPrice\": 2500}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String location = this.mvc
			.perform(post("/api/v1/opportunities").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Robots", "accountId": "%s", "stageId": "%s", "amountFromLineItems": true,
						 "closeDate": "2026-10-01"}
						""".formatted(account(rep), PROPOSAL)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");

		this.mvc
			.perform(post(location + "/line-items").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"productId\": \"" + JsonPath.read(product, "$.id")
						+ "\", \"quantity\": 4, \"discountPercent\": 10}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.unitPrice").value(2500.0))
			.andExpect(jsonPath("$.total").value(9000.0));
		this.mvc.perform(get(location).with(TestUsers.basic(rep))).andExpect(jsonPath("$.amount").value(9000.0));
		this.mvc
			.perform(post(location + "/line-items").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"productId\": \"" + UUID.randomUUID() + "\", \"quantity\": 0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("quantity")));
	}

	@Test
	void stagesAreListedInOrderAndOnlyManagedByAdministrators() throws Exception {
		User rep = this.users.create(Role.REP);
		User salesAdmin = this.users.create(Role.SALES_ADMIN);

		this.mvc.perform(get("/api/v1/stages").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("Prospecting"));
		this.mvc
			.perform(post("/api/v1/stages").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Demo\", \"probability\": 30, \"forecastCategory\": \"PIPELINE\", "
						+ "\"outcome\": \"OPEN\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/stages").with(TestUsers.basic(salesAdmin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Almost won\", \"probability\": 95, \"forecastCategory\": \"CLOSED\", "
						+ "\"outcome\": \"OPEN\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("forecastCategory"));
		this.mvc.perform(delete("/api/v1/stages/" + PROPOSAL).with(TestUsers.basic(salesAdmin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("retire it instead")));
	}

}
