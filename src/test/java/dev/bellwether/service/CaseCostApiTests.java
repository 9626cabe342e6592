package dev.bellwether.service;

import java.time.LocalDate;
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
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cost of service over {@code /api/v1}: time logged, changed, removed and timed;
 * expenses; a case's cost and the report — each answer (201, 204, 400, 403, 404, 409 as
 * problem documents) for good and bad input and for people who may not read or change the
 * case.
 */
@IntegrationTest
class CaseCostApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	Cases cases;

	@Autowired
	ServiceCostRates rates;

	@Autowired
	CaseTime time;

	@Test
	void logsChangesTimesAndRemovesTimeAndAddsExpenses() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		SupportCase c = open(agent, null);
		String base = "/api/v1/cases/" + c.id();
		LocalDate yesterday = this.time.today().minusDays(1);

		String location = this.mvc
			.perform(post(base + "/time").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\": \"" + yesterday + "\", \"minutes\": 45, \"note\": \"Reset the export\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith(base + "/time/")))
			.andExpect(jsonPath("$.minutes").value(45))
			.andExpect(jsonPath("$.role").value("SERVICE"))
			.andExpect(jsonPath("$.source").value("MANUAL"))
			.andExpect(jsonPath("$.running").value(false))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getHeader("Location");

		this.mvc
			.perform(patch(location).with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"minutes\": 50, \"version\": 0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.minutes").value(50))
			.andExpect(jsonPath("$.note").value("Reset the export"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(patch(location).with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"minutes\": 55, \"version\": 0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409));
		this.mvc
			.perform(patch(location).with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"minutes\": 55}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(patch(location).with(TestUsers.basic(this.users.create(Role.SERVICE)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"minutes\": 55, \"version\": 1}"))
			.andExpect(status().isForbidden());

		this.mvc.perform(post(base + "/timer/start").with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.running").value(true))
			.andExpect(jsonPath("$.source").value("TIMER"));
		this.mvc.perform(post(base + "/timer/stop").with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.running").value(false))
			.andExpect(jsonPath("$.minutes").value(1));
		this.mvc.perform(post(base + "/timer/stop").with(TestUsers.basic(agent)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timer"));

		this.mvc
			.perform(post(base + "/expenses").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\": \"" + yesterday
						+ "\", \"amount\": 48.20, \"description\": \"Courier\", \"category\": \"SHIPPING\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount").value(48.20))
			.andExpect(jsonPath("$.category").value("SHIPPING"));
		this.mvc.perform(get(base + "/expenses").with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].description", hasItem("Courier")));

		this.mvc.perform(get(base + "/time").with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
		this.mvc.perform(get(base + "/cost").with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures.minutes").value(51))
			.andExpect(jsonPath("$.figures.expenses").value(48.20))
			.andExpect(jsonPath("$.currency").value(this.rates.currency()));

		this.mvc.perform(delete(location).param("version", "0").with(TestUsers.basic(agent)))
			.andExpect(status().isConflict());
		this.mvc.perform(delete(location).param("version", "1").with(TestUsers.basic(agent)))
			.andExpect(status().isNoContent());
		this.mvc.perform(delete(location).param("version", "1").with(TestUsers.basic(agent)))
			.andExpect(status().isNotFound());
	}

	@Test
	void badInputIsA400NamingTheField() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		String base = "/api/v1/cases/" + open(agent, null).id();
		LocalDate today = this.time.today();

		this.mvc
			.perform(post(base + "/time").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\": \"" + today + "\", \"minutes\": 1441}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("minutes"))
			.andExpect(jsonPath("$.detail").value(containsString("1,440")));
		this.mvc
			.perform(post(base + "/time").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\": \"" + today.plusDays(1) + "\", \"minutes\": 10}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"))
			.andExpect(jsonPath("$.detail").value(containsString("future")));
		this.mvc
			.perform(post(base + "/expenses").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\": \"" + today + "\", \"amount\": -5, \"description\": \"Taxi\", "
						+ "\"category\": \"TRAVEL\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		this.mvc.perform(get("/api/v1/service/cost").param("by", "galaxy").with(TestUsers.basic(agent)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("by"));
	}

	@Test
	void readersReadWritersWriteAndOthersGet404() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		User rep = this.users.create(Role.REP);
		Account account = this.customers.account(rep, "Costed " + TestCustomers.tag(), null);
		String base = "/api/v1/cases/" + open(agent, account.id()).id();
		String half = "{\"date\": \"" + this.time.today() + "\", \"minutes\": 30}";

		// the account's sales owner reads, but does not log
		this.mvc.perform(get(base + "/time").with(TestUsers.basic(rep))).andExpect(status().isOk());
		this.mvc.perform(
				post(base + "/time").with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content(half))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(base + "/timer/start").with(TestUsers.basic(rep))).andExpect(status().isForbidden());

		// another rep, and an unknown case: 404
		User stranger = this.users.create(Role.REP);
		this.mvc.perform(get(base + "/time").with(TestUsers.basic(stranger))).andExpect(status().isNotFound());
		this.mvc.perform(get(base + "/expenses").with(TestUsers.basic(stranger))).andExpect(status().isNotFound());
		this.mvc.perform(get(base + "/cost").with(TestUsers.basic(stranger))).andExpect(status().isNotFound());
		this.mvc
			.perform(post(base + "/time").with(TestUsers.basic(stranger))
				.contentType(MediaType.APPLICATION_JSON)
				.content(half))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/cases/" + UUID.randomUUID() + "/time").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content(half))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(patch(base + "/time/" + UUID.randomUUID()).with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"minutes\": 5, \"version\": 0}"))
			.andExpect(status().isNotFound());

		// the report: for the people who work cases
		this.mvc.perform(get("/api/v1/service/cost").with(TestUsers.basic(rep))).andExpect(status().isForbidden());
	}

	@Test
	void theReportAnswersTheFiguresWithTheirTotals() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		this.rates.add(TestUsers.viewer(admin),
				new CostRateDetails(Role.MANAGER, new java.math.BigDecimal("80.00"), LocalDate.parse("2024-01-01")));
		User manager = this.users.create(Role.MANAGER);
		User executive = this.users.create(Role.EXECUTIVE);
		SupportCase c = this.cases.open(TestUsers.viewer(manager), new CaseDetails("Exec time " + TestCustomers.tag(),
				null, null, null, null, null, null, manager.id(), null, null, null));
		// executives read every case but change none: the manager logs, at the manager's
		// rate
		this.mvc
			.perform(post("/api/v1/cases/" + c.id() + "/time").with(TestUsers.basic(executive))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\": \"2024-02-01\", \"minutes\": 30}"))
			.andExpect(status().isForbidden());
		this.time.log(TestUsers.viewer(manager), c.id(),
				new TimeEntryDetails(LocalDate.parse("2024-02-01"), 90, "Escalation"));

		this.mvc
			.perform(get("/api/v1/service/cost").param("from", "2024-02-01")
				.param("to", "2024-02-29")
				.param("by", "agent")
				.with(TestUsers.basic(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.by").value("AGENT"))
			.andExpect(jsonPath("$.total.minutes").value(90))
			.andExpect(jsonPath("$.total.unratedMinutes").value(0))
			.andExpect(jsonPath("$.total.timeCost").value(120.00))
			.andExpect(jsonPath("$.total.totalCost").value(120.00))
			.andExpect(jsonPath("$.total.costPerResolvedCase").doesNotExist())
			.andExpect(jsonPath("$.rows[0].id").value(manager.id().toString()))
			.andExpect(jsonPath("$.trend.length()").value(1));
	}

	private SupportCase open(User owner, UUID accountId) {
		return this.cases.open(TestUsers.viewer(owner), new CaseDetails("API cost " + TestCustomers.tag(), null,
				accountId, null, null, null, null, owner.id(), null, null, null));
	}

}
