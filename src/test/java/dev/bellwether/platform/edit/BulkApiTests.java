package dev.bellwether.platform.edit;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bulk actions through the API and through the lists' bulk bar and the operation's page.
 */
@IntegrationTest
class BulkApiTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	dev.bellwether.customers.Accounts accountService;

	@Autowired
	java.time.Clock clock;

	private EditFixtures fixtures;

	@Autowired
	Opportunities opportunities;

	private User rep;

	private Opportunity first;

	private Opportunity second;

	@BeforeEach
	void twoDeals() {
		this.fixtures = new EditFixtures(this.accountService, this.opportunities, this.clock);
		this.rep = this.users.create(Role.REP);
		UUID account = this.fixtures.account(this.rep, "Bulk API " + UUID.randomUUID());
		this.first = this.fixtures.deal(this.rep, account, "First");
		this.second = this.fixtures.deal(this.rep, account, "Second");
	}

	@Test
	void startsReadsAndUndoesAnOperation() throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/bulk/opportunities").with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\":\"CHANGE\",\"field\":\"nextStep\",\"value\":\"Send the contract\",\"ids\":[\""
						+ this.first.id() + "\",\"" + this.second.id() + "\"]}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/bulk/")))
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.applied").value(2))
			.andExpect(jsonPath("$.percent").value(100))
			.andExpect(jsonPath("$.canUndo").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JSON.readTree(body).get("id").asText();

		this.mvc.perform(get("/api/v1/bulk/{id}", id).with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fieldLabel").value("Next step"));
		this.mvc.perform(get("/api/v1/bulk/{id}", id).with(TestUsers.basic(this.users.create(Role.REP))))
			.andExpect(status().isNotFound());

		this.mvc.perform(post("/api/v1/bulk/{id}/undo", id).with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UNDONE"))
			.andExpect(jsonPath("$.undone").value(2));
		assertThat(this.opportunities.get(TestUsers.viewer(this.rep), this.first.id()).nextStep()).isNull();
		this.mvc.perform(post("/api/v1/bulk/{id}/undo", id).with(TestUsers.basic(this.rep)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anIncompleteRequestIsAProblemDocument() throws Exception {
		this.mvc
			.perform(post("/api/v1/bulk/opportunities").with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\":\"CHANGE\",\"field\":\"nextStep\",\"value\":\"x\",\"ids\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ids"));
		this.mvc
			.perform(post("/api/v1/bulk/campaigns").with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\":\"RECYCLE\",\"ids\":[\"" + this.first.id() + "\"]}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theListsBulkBarPostsAndTheOperationsPageShowsItsProgress() throws Exception {
		var session = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/opportunities").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"bulk-form\"")))
			.andExpect(content().string(containsString("name=\"ids\" form=\"bulk-form\" value=\"" + this.first.id())))
			.andExpect(content().string(containsString("data-inline-field=\"closeDate\"")));

		String location = this.mvc
			.perform(post("/bulk/opportunities").with(session)
				.with(csrf())
				.param("action", "CREATE_TASK")
				.param("subject", "Check the budget")
				.param("ids", this.first.id().toString(), this.second.id().toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/bulk/");

		this.mvc.perform(get(location).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Create the task “Check the budget”")))
			.andExpect(content().string(containsString("id=\"bulk-undo\"")));
		this.mvc.perform(get(location).with(session).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"bulk-progress\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<nav"))));

		this.mvc
			.perform(post("/bulk/opportunities").with(session)
				.with(csrf())
				.param("action", "CHANGE")
				.param("field", "nextStep"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Select the records to change first.")));
	}

	@Test
	void dealsMovedToALostStageTakeTheLossReasonSentWithThemThroughTheApiAndTheBulkBar() throws Exception {
		String lost = BulkStageChangeTests.LOST.toString();
		JsonNode fields = JSON
			.readTree(this.mvc.perform(get("/api/v1/fields/opportunities").with(TestUsers.basic(this.rep)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		JsonNode stage = null;
		for (JsonNode field : fields) {
			if (field.get("name").asText().equals("stageId")) {
				stage = field;
			}
		}
		assertThat(stage).isNotNull();
		assertThat(stage.get("reason").get("label").asText()).isEqualTo("Loss reason");
		assertThat(stage.get("reason").get("values").toString()).contains(lost);
		assertThat(stage.get("reason").get("options").findValuesAsText("label")).contains("No budget this year");

		this.mvc
			.perform(post("/api/v1/bulk/opportunities").with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\":\"CHANGE\",\"field\":\"stageId\",\"value\":\"" + lost
						+ "\",\"reason\":\"No budget this year\",\"ids\":[\"" + this.first.id() + "\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.applied").value(1))
			.andExpect(jsonPath("$.reason").value("No budget this year"));
		assertThat(this.opportunities.get(TestUsers.viewer(this.rep), this.first.id()).lossReason())
			.isEqualTo("No budget this year");
		this.mvc
			.perform(post("/api/v1/bulk/opportunities").with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\":\"CHANGE\",\"field\":\"nextStep\",\"value\":\"Call\",\"reason\":\"Why not\","
						+ "\"ids\":[\"" + this.second.id() + "\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));

		var session = TestUsers.signIn(this.mvc, this.rep);
		String location = this.mvc
			.perform(post("/bulk/opportunities").with(session)
				.with(csrf())
				.param("action", "CHANGE")
				.param("field", "stageId")
				.param("value", lost)
				.param("reason", "Stayed with the incumbent vendor")
				.param("ids", this.second.id().toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(location).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("(Loss reason: Stayed with the incumbent vendor)")));
		assertThat(this.opportunities.get(TestUsers.viewer(this.rep), this.second.id()).lossReason())
			.isEqualTo("Stayed with the incumbent vendor");

		this.mvc.perform(get("/v3/api-docs").with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.schemas.BulkActionRequest.properties.reason.description")
				.value(containsString("loss reason")))
			.andExpect(jsonPath("$.components.schemas.BulkOperation.properties.reason").exists());
	}

	@Test
	void theFieldsOfARecordTypeComeWithTheirChoices() throws Exception {
		JsonNode fields = JSON.readTree(this.mvc.perform(get("/api/v1/fields/accounts").with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		JsonNode industry = null;
		for (JsonNode field : fields) {
			if (field.get("name").asText().equals("industry")) {
				industry = field;
			}
		}
		assertThat(industry).isNotNull();
		assertThat(industry.get("input").asText()).isEqualTo("SELECT");
		assertThat(industry.get("options").findValuesAsText("value")).contains("Banking");
	}

}
