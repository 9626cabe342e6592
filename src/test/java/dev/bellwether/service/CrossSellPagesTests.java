package dev.bellwether.service;

import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cross-sell pages and API on the whole application: making a deal from a case (API
 * and the case page's form, with inline errors), the deal page's Cases card, the report
 * and its JSON, and the onboarding rules' admin page.
 */
@IntegrationTest
class CrossSellPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	Cases cases;

	private org.springframework.test.web.servlet.request.RequestPostProcessor session(User user) throws Exception {
		return TestUsers.signIn(this.mvc, user);
	}

	@Test
	void theApiMakesADealFromACaseAndNamesBadInput() throws Exception {
		User rep = this.users.create(Role.REP);
		User agent = this.users.create(Role.SERVICE);
		Account account = this.customers.account(rep, "Vandelay " + TestCustomers.tag(), null);
		SupportCase supportCase = this.cases.open(TestUsers.viewer(agent),
				new CaseDetails("Import licence", null, account.id(), null, null, null, null, null, null, null, null));
		String path = "/api/v1/cases/" + supportCase.id() + "/opportunities";

		this.mvc
			.perform(post(path).with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 1200, \"closeDate\": \"2026-09-30\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("CROSS_SELL"))
			.andExpect(jsonPath("$.readable").value(false));
		this.mvc.perform(get(path).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("Import licence"))
			.andExpect(jsonPath("$[0].amount").value(1200.0));

		this.mvc
			.perform(post(path).with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"closeDate\": \"2026-09-30\", \"stageId\": \"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("amount")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("stageId")));
		this.mvc
			.perform(post("/api/v1/cases/" + UUID.randomUUID() + "/opportunities").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 1, \"closeDate\": \"2026-09-30\"}"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(post(path).with(TestUsers.basic(this.users.create(Role.REP)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 1, \"closeDate\": \"2026-09-30\"}"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(path).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 1, \"closeDate\": \"2026-09-30\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCasePageFormShowsErrorsInlineAndTheDealPageShowsItsCase() throws Exception {
		User rep = this.users.create(Role.REP);
		User agent = this.users.create(Role.SERVICE);
		Account account = this.customers.account(rep, "Kramerica " + TestCustomers.tag(), null);
		SupportCase supportCase = this.cases.open(TestUsers.viewer(agent),
				new CaseDetails("Oil bladder", null, account.id(), null, null, null, null, null, null, null, null));
		String path = "/cases/" + supportCase.id() + "/opportunities";

		this.mvc.perform(get("/cases/" + supportCase.id()).with(session(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("case-deals-slot")));
		this.mvc.perform(get(path).with(session(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("New deal from this case")))
			.andExpect(content().string(containsString("value=\"Oil bladder\"")));
		this.mvc.perform(get(path).with(session(rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("New deal from this case"))));

		this.mvc
			.perform(post(path).with(session(agent))
				.with(csrf())
				.header("HX-Request", "true")
				.param("name", "Oil bladder")
				.param("closeDate", "2026-10-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the deal&#39;s amount.")));
		this.mvc
			.perform(post(path).with(session(agent))
				.with(csrf())
				.param("name", "Oil bladder")
				.param("stageId", UUID.randomUUID().toString())
				.param("amount", "-5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("New deal from case " + supportCase.reference())))
			.andExpect(content().string(containsString("The amount can&#39;t be negative.")))
			.andExpect(content().string(containsString("Enter the expected close date.")));
		this.mvc
			.perform(post(path).with(session(agent))
				.with(csrf())
				.param("name", "Oil bladder")
				.param("amount", "750")
				.param("closeDate", "2026-10-01"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/cases/" + supportCase.id()));

		UUID dealId = UUID.fromString(com.jayway.jsonpath.JsonPath.read(
				this.mvc.perform(get("/api/v1/cases/" + supportCase.id() + "/opportunities").with(TestUsers.basic(rep)))
					.andReturn()
					.getResponse()
					.getContentAsString(),
				"$[0].opportunityId"));
		this.mvc.perform(get("/opportunities/" + dealId + "/cases").with(session(rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Oil bladder")));
		this.mvc.perform(get("/opportunities/" + dealId).with(session(rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/opportunities/" + dealId + "/cases")));
		this.mvc.perform(get("/opportunities/" + dealId + "/cases").with(session(this.users.create(Role.REP))))
			.andExpect(status().isNotFound());
	}

	@Test
	void theReportAndItsJsonAreForThoseWhoWorkCases() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		this.mvc.perform(get("/cases/cross-sell").with(session(manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cross-sell revenue")))
			.andExpect(content().string(containsString("How these figures are counted")));
		this.mvc
			.perform(get("/api/v1/service/cross-sell").param("from", "2026-01-01")
				.param("to", "2026-12-31")
				.with(TestUsers.basic(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.summary.total").value(0.0))
			.andExpect(jsonPath("$.summary.currency").value("USD"))
			.andExpect(jsonPath("$.handOff.count").value(0));
		this.mvc
			.perform(get("/api/v1/service/cross-sell").param("from", "2026-12-31")
				.param("to", "2026-01-01")
				.with(TestUsers.basic(manager)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/service/cross-sell").with(TestUsers.basic(this.users.create(Role.REP))))
			.andExpect(status().isForbidden());
	}

	@Test
	void administratorsKeepTheOnboardingRules() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		String name = "Welcome " + TestCustomers.tag();
		this.mvc.perform(get("/admin/onboarding-rules/new").with(session(admin))).andExpect(status().isOk());
		this.mvc
			.perform(post("/admin/onboarding-rules").with(session(admin))
				.with(csrf())
				.param("name", "")
				.param("queueId", Cases.DEFAULT_QUEUE_ID.toString())
				.param("priority", "HIGH"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Name the rule")));
		this.mvc
			.perform(post("/admin/onboarding-rules").with(session(admin))
				.with(csrf())
				.param("name", name)
				.param("enabled", "false")
				.param("minimumAmount", "1000")
				.param("queueId", Cases.DEFAULT_QUEUE_ID.toString())
				.param("priority", "HIGH")
				.param("subjectTemplate", "Onboarding: {deal}"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/onboarding-rules").with(session(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
		this.mvc.perform(get("/admin/onboarding-rules").with(session(this.users.create(Role.SERVICE))))
			.andExpect(status().isForbidden());
	}

}
