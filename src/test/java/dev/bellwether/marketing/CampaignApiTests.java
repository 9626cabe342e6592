package dev.bellwether.marketing;

import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Contact;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CampaignApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Test
	void createsReadsUpdatesAndRefusesAStaleVersion() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		String location = create(marketing, """
				{"name": "Autumn webinar", "type": "Webinar", "startDate": "2026-09-01", "endDate": "2026-09-30",
				 "budget": 12000}
				""");

		this.mvc.perform(get(location).with(TestUsers.basic(marketing)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("webinar"))
			.andExpect(jsonPath("$.status").value("PLANNED"))
			.andExpect(jsonPath("$.actualCost").value(0))
			.andExpect(jsonPath("$.ownerId").value(marketing.id().toString()));
		this.mvc
			.perform(put(location).with(TestUsers.basic(marketing))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Autumn webinars\", \"status\": \"ACTIVE\", \"version\": 0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(put(location).with(TestUsers.basic(marketing))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Too late\", \"status\": \"ACTIVE\", \"version\": 0}"))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));
	}

	@Test
	void namesInvalidFieldsIncludingAnEndBeforeTheStart() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		this.mvc.perform(post("/api/v1/campaigns").with(TestUsers.basic(marketing))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"\", \"startDate\": \"2026-09-30\", \"endDate\": \"2026-09-01\", \"budget\": -5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("Enter the campaign's name."))
			.andExpect(jsonPath("$.errors[?(@.field == 'endDate')].message")
				.value("The end date can't be before the start date."))
			.andExpect(jsonPath("$.errors[?(@.field == 'budget')]").exists());
	}

	@Test
	void repsReadButMayNotChangeAndUnknownCampaignsAreNotFound() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		User rep = this.users.create(Role.REP);
		String location = create(marketing, "{\"name\": \"Read only for reps\"}");

		this.mvc.perform(get(location).with(TestUsers.basic(rep))).andExpect(status().isOk());
		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Mine\", \"status\": \"PLANNED\", \"version\": 0}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/campaigns").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Rep campaign\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/campaigns/" + UUID.randomUUID()).with(TestUsers.basic(marketing)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(get(location).with(TestUsers.basic(this.users.create(Role.SERVICE))))
			.andExpect(status().isNotFound());
	}

	@Test
	void addsAndRemovesCostsRefusingNegativeOnesAndClosedCampaigns() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		String location = create(marketing, "{\"name\": \"Costly\", \"status\": \"ACTIVE\", \"budget\": 100}");

		this.mvc
			.perform(post(location + "/costs").with(TestUsers.basic(marketing))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\": \"2026-06-01\", \"amount\": -1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'amount')].message").value("A cost can't be negative."));
		String cost = this.mvc
			.perform(post(location + "/costs").with(TestUsers.basic(marketing))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\": \"2026-06-01\", \"supplier\": \"Hall\", \"amount\": 120.50}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(get(location + "/rollup").with(TestUsers.basic(marketing)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.costWithSubCampaigns").value(120.5))
			.andExpect(jsonPath("$.remaining").value(-20.5));
		this.mvc.perform(delete(cost).with(TestUsers.basic(marketing))).andExpect(status().isNoContent());
		this.mvc.perform(delete(cost).with(TestUsers.basic(marketing))).andExpect(status().isNotFound());

		this.mvc
			.perform(put(location).with(TestUsers.basic(marketing))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Costly\", \"status\": \"COMPLETED\", \"budget\": 100, \"version\": 0}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post(location + "/costs").with(TestUsers.basic(marketing))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\": \"2026-06-02\", \"amount\": 10}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("closed campaign takes no new costs")));
	}

	@Test
	void addsMembersInBulkMovesThemOnAndRemovesThem() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		User rep = this.users.create(Role.REP);
		Contact contact = this.customers.contact(rep, "Cleo", "Member", null, null);
		String location = create(marketing, "{\"name\": \"Members\", \"status\": \"ACTIVE\"}");
		UUID unknown = UUID.randomUUID();

		String body = this.mvc
			.perform(post(location + "/members").with(TestUsers.basic(marketing))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"memberType\": \"CONTACT\", \"memberIds\": [\"" + contact.id() + "\", \"" + unknown
						+ "\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ADDED").value(1))
			.andExpect(jsonPath("$.NOT_FOUND").value(1))
			.andExpect(jsonPath("$.results[0].outcome").value("ADDED"))
			.andExpect(jsonPath("$.results[1].outcome").value("NOT_FOUND"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String member = JsonPath.read(body, "$.results[0].campaignMemberId");

		this.mvc
			.perform(put(location + "/members/" + member).with(TestUsers.basic(marketing))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"RESPONDED\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESPONDED"))
			.andExpect(jsonPath("$.respondedAt").isNotEmpty());
		this.mvc
			.perform(put(location + "/members/" + member).with(TestUsers.basic(marketing))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"SENT\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get(location + "/members").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].memberName").value("Cleo Member"));
		this.mvc.perform(delete(location + "/members/" + member).with(TestUsers.basic(rep)))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete(location + "/members/" + member).with(TestUsers.basic(marketing)))
			.andExpect(status().isNoContent());
	}

	private String create(User user, String json) throws Exception {
		return this.mvc
			.perform(post("/api/v1/campaigns").with(TestUsers.basic(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

}
