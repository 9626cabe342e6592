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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/v1/cases} on the whole application: the answers a client gets (201, 204,
 * 400, 403, 404, 409, 413 as problem documents) for good and bad input, and who sees and
 * changes a case.
 */
@IntegrationTest
class CaseApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	Cases cases;

	@Autowired
	CaseQueues queues;

	private String create(User agent, String json) throws Exception {
		return this.mvc
			.perform(post("/api/v1/cases").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	@Test
	void opensReadsChangesAndMovesACase() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		String location = create(agent, """
				{"subject": "Invoice PDF is blank", "priority": "HIGH", "channel": "EMAIL",
				 "requesterEmail": "pat@customer.example"}
				""");

		this.mvc.perform(get(location).with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("Invoice PDF is blank"))
			.andExpect(jsonPath("$.status").value("NEW"))
			.andExpect(jsonPath("$.priority").value("HIGH"))
			.andExpect(jsonPath("$.reference").value(startsWith("#")))
			.andExpect(jsonPath("$.version").value(0));
		this.mvc
			.perform(patch(location).with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"priority\": \"URGENT\", \"version\": 0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.priority").value("URGENT"))
			.andExpect(jsonPath("$.subject").value("Invoice PDF is blank"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(patch(location).with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"priority\": \"LOW\", \"version\": 0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409));
		this.mvc
			.perform(patch(location).with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"priority\": \"LOW\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post(location + "/status").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"RESOLVED\", \"version\": 1}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESOLVED"))
			.andExpect(jsonPath("$.resolvedAt").isNotEmpty());
		this.mvc
			.perform(post(location + "/status").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"NEW\", \"version\": 2}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.detail").value(containsString("never goes back to new")));
		this.mvc
			.perform(post(location + "/status").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"SNOOZED\", \"version\": 2}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post(location + "/assign").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"ownerId\": \"" + agent.id() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownerId").value(agent.id().toString()))
			.andExpect(jsonPath("$.ownerName").value(agent.fullName()));
	}

	@Test
	void refusesBadInputWithClearProblems() throws Exception {
		User agent = this.users.create(Role.SERVICE);

		this.mvc
			.perform(post("/api/v1/cases").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"description\": \"no subject\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("subject")));
		this.mvc
			.perform(post("/api/v1/cases").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": \"x\", \"priority\": \"SUPER\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("priority")));
		this.mvc
			.perform(post("/api/v1/cases").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": 42, \"accountId\": \"not-a-uuid\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/cases").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": \"x\", \"accountId\": \"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"));
		this.mvc
			.perform(post("/api/v1/cases").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": \"" + "s".repeat(301) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("Keep the subject to 300 characters."));
		this.mvc
			.perform(post("/api/v1/cases").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": \"huge\", \"description\": \"" + "d".repeat(2_000_000) + "\"}"))
			.andExpect(status().isPayloadTooLarge());
		this.mvc.perform(get("/api/v1/cases/" + UUID.randomUUID()).with(TestUsers.basic(agent)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(get("/api/v1/cases/not-an-id").with(TestUsers.basic(agent))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/cases").param("status", "SNOOZED").with(TestUsers.basic(agent)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc.perform(get("/api/v1/cases").param("sort", "colour").with(TestUsers.basic(agent)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void commentsAndAttachments() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		String location = create(agent, "{\"subject\": \"Logs attached\"}");

		this.mvc
			.perform(post(location + "/comments").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\": \"Checked the logs\", \"internal\": true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.internal").value(true))
			.andExpect(jsonPath("$.source").value("AGENT"));
		this.mvc
			.perform(post(location + "/comments").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\": \"   \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		this.mvc.perform(get(location + "/comments").with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].body").value("Checked the logs"))
			.andExpect(jsonPath("$[0].authorName").value(agent.fullName()));

		String fileLocation = this.mvc
			.perform(multipart(location + "/attachments")
				.file(new MockMultipartFile("file", "trace.txt", "text/plain", "stack trace".getBytes()))
				.with(TestUsers.basic(agent)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("trace.txt"))
			.andExpect(jsonPath("$.size").value(11))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(get(fileLocation).with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().bytes("stack trace".getBytes()));
		this.mvc
			.perform(multipart(location + "/attachments").file(new MockMultipartFile("file", "huge.bin",
					"application/octet-stream", new byte[(int) CaseAttachment.MAX_SIZE + 1]))
				.with(TestUsers.basic(agent)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.detail").value(containsString("at most 20 MB")));
		this.mvc.perform(multipart(location + "/attachments").with(TestUsers.basic(agent)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		this.mvc.perform(get(location + "/attachments/" + UUID.randomUUID()).with(TestUsers.basic(agent)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRepSeesOnlyTheCasesOfTheirAccountsAndNeverChangesThem() throws Exception {
		User rep = this.users.create(Role.REP);
		User otherRep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account account = this.customers.account(rep, "Rep's " + tag, tag + ".example");
		User agent = this.users.create(Role.SERVICE);
		String location = create(agent,
				"{\"subject\": \"On the rep's account\", \"accountId\": \"" + account.id() + "\"}");

		this.mvc.perform(get(location).with(TestUsers.basic(rep))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/cases").param("accountId", account.id().toString()).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(1));
		this.mvc
			.perform(patch(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": \"Mine now\", \"version\": 0}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/cases").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": \"A rep's case\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(location).with(TestUsers.basic(otherRep))).andExpect(status().isNotFound());
		this.mvc.perform(get(location + "/comments").with(TestUsers.basic(otherRep))).andExpect(status().isNotFound());
	}

	@Test
	void movesACaseToTheRecycleBinAndBack() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		String location = create(agent, "{\"subject\": \"Binned\"}");

		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(location)
				.with(TestUsers.basic(agent)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get(location).with(TestUsers.basic(agent))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/cases/deleted").param("size", "200").with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].subject", hasItem("Binned")));
		this.mvc.perform(post(location + "/restore").with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("Binned"));
		this.mvc.perform(get(location).with(TestUsers.basic(agent))).andExpect(status().isOk());
	}

	@Test
	void nextCaseGivesACaseOrNoContent() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User agent = this.users.create(Role.SERVICE);
		CaseQueue queue = this.queues.create(TestUsers.viewer(admin), "Api next " + TestCustomers.tag(), null, null);
		this.queues.join(TestUsers.viewer(admin), queue.id(), agent.id());
		SupportCase waiting = this.cases.open(TestUsers.viewer(admin), new CaseDetails("Take me", null, null, null,
				null, CasePriority.HIGH, null, null, queue.id(), null, null));

		this.mvc.perform(post("/api/v1/cases/next").with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(waiting.id().toString()))
			.andExpect(jsonPath("$.ownerId").value(agent.id().toString()))
			.andExpect(jsonPath("$.status").value("OPEN"));
		this.mvc.perform(post("/api/v1/cases/next").with(TestUsers.basic(agent))).andExpect(status().isNoContent());
		this.mvc.perform(post("/api/v1/cases/next").with(TestUsers.basic(this.users.create(Role.REP))))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/cases/next").param("everyQueue", "maybe").with(TestUsers.basic(agent)))
			.andExpect(status().isBadRequest());
	}

}
