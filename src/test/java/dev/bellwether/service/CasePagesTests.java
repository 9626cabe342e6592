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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case pages on the whole application: a service user's landing (the service home
 * page), the list and its queue views, the form's errors, the record page's conversation
 * and attachments, and the account page's card.
 */
@IntegrationTest
class CasePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	Cases cases;

	@Test
	void aServiceUserLandsOnTheServiceHomePageAndHasTheCasesInTheNavigation() throws Exception {
		RequestPostProcessor agent = TestUsers.signIn(this.mvc, this.users.create(Role.SERVICE));

		this.mvc.perform(get("/").with(agent)).andExpect(redirectedUrl("/service"));
		this.mvc.perform(get("/").param("view", "day").with(agent)).andExpect(status().isOk());
		this.mvc.perform(get("/cases").with(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"nav-cases\"")))
			.andExpect(content().string(containsString("id=\"next-case\"")))
			.andExpect(content().string(containsString("My open cases")))
			.andExpect(content().string(containsString("Unassigned")))
			.andExpect(content().string(containsString("Waiting on customer")))
			.andExpect(content().string(containsString("Recently resolved")));
		RequestPostProcessor rep = TestUsers.signIn(this.mvc, this.users.create(Role.REP));
		this.mvc.perform(get("/accounts").with(rep))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"nav-cases\""))));
	}

	@Test
	void opensACaseFromTheFormAndShowsWhatIsWrong() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, agent);

		this.mvc.perform(get("/cases/new").with(session)).andExpect(status().isOk());
		this.mvc
			.perform(post("/cases").with(session)
				.with(csrf())
				.param("subject", " ")
				.param("priority", "HIGH")
				.param("requesterEmail", "not an address"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the case&#39;s subject.")))
			.andExpect(content().string(containsString("Enter an e-mail address such as name@example.com.")));
		this.mvc.perform(post("/cases").with(session).with(csrf()).param("subject", "x").param("priority", "SUPER"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
		String tag = TestCustomers.tag();
		this.mvc.perform(post("/cases").with(session).with(csrf()).param("subject", "From the form " + tag))
			.andExpect(redirectedUrlPattern("/cases/*"));
		this.mvc.perform(get("/cases").param("q", tag).param("view", "").with(session))
			.andExpect(content().string(containsString("From the form " + tag)));
		this.mvc.perform(get("/cases/" + UUID.randomUUID()).with(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/cases/not-an-id").with(session)).andExpect(status().isNotFound());
	}

	@Test
	void theConversationTellsInternalNotesFromPublicReplies() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, agent);
		SupportCase c = this.cases.open(TestUsers.viewer(agent), CaseDetails.of("Conversation"));

		this.mvc
			.perform(post("/cases/" + c.id() + "/comments").with(session)
				.with(csrf())
				.param("body", "Only for us")
				.param("internal", "true"))
			.andExpect(redirectedUrl("/cases/" + c.id() + "#timeline"));
		this.mvc
			.perform(post("/cases/" + c.id() + "/comments").with(session)
				.with(csrf())
				.param("body", "Dear customer")
				.param("internal", "false"))
			.andExpect(redirectedUrl("/cases/" + c.id() + "#timeline"));
		this.mvc.perform(post("/cases/" + c.id() + "/comments").with(session).with(csrf()).param("body", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write the comment first.")));

		String page = this.mvc.perform(get("/cases/" + c.id()).with(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("bw-case-comment-internal", "Internal note", "Only for us", "bw-case-comment-public",
				"Public reply", "Dear customer");
		assertThat(this.cases.get(agent.id(), c.id()).status()).isEqualTo(CaseStatus.OPEN);
	}

	@Test
	void statusPriorityAndAttachmentsFromTheRecordPage() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, agent);
		SupportCase c = this.cases.open(TestUsers.viewer(agent), CaseDetails.of("Working it"));

		this.mvc.perform(post("/cases/" + c.id() + "/assign-to-me").with(session).with(csrf()))
			.andExpect(redirectedUrl("/cases/" + c.id()));
		this.mvc
			.perform(post("/cases/" + c.id() + "/priority").with(session)
				.with(csrf())
				.param("priority", "URGENT")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Reload")));
		long version = this.cases.get(agent.id(), c.id()).version();
		this.mvc
			.perform(post("/cases/" + c.id() + "/priority").with(session)
				.with(csrf())
				.param("priority", "URGENT")
				.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/cases/" + c.id()));
		this.mvc
			.perform(post("/cases/" + c.id() + "/status").with(session)
				.with(csrf())
				.param("status", "NEW")
				.param("version", String.valueOf(version + 1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("never goes back to new")));
		this.mvc
			.perform(multipart("/cases/" + c.id() + "/attachments")
				.file(new MockMultipartFile("file", "big.iso", "application/octet-stream",
						new byte[(int) CaseAttachment.MAX_SIZE + 1]))
				.with(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("attachments can be at most 20 MB")));
		this.mvc
			.perform(multipart("/cases/" + c.id() + "/attachments")
				.file(new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes()))
				.with(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/cases/" + c.id() + "#attachments"));
		this.mvc.perform(get("/cases/" + c.id()).with(session))
			.andExpect(content().string(containsString("notes.txt")))
			.andExpect(content().string(containsString("Urgent")));
	}

	@Test
	void theAccountPageShowsTheAccountsCasesToItsOwnerReadOnly() throws Exception {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account account = this.customers.account(rep, "Card " + tag, tag + ".example");
		SupportCase c = this.cases.open(TestUsers.viewer(this.users.create(Role.SERVICE)),
				CaseDetails.of("On the card " + tag).withAccount(account.id(), null));
		RequestPostProcessor repSession = TestUsers.signIn(this.mvc, rep);

		this.mvc.perform(get("/cases/of-account/" + account.id()).with(repSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("On the card " + tag)))
			.andExpect(content().string(not(containsString("account-new-case"))));
		this.mvc.perform(get("/cases/" + c.id()).with(repSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"read-only\"")))
			.andExpect(content().string(not(containsString("id=\"comment-form\""))));
		this.mvc.perform(post("/cases/" + c.id() + "/comments").with(repSession).with(csrf()).param("body", "Hi"))
			.andExpect(status().isForbidden());
		RequestPostProcessor otherRep = TestUsers.signIn(this.mvc, this.users.create(Role.REP));
		this.mvc.perform(get("/cases/of-account/" + account.id()).with(otherRep))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("On the card"))));
		this.mvc.perform(get("/cases/new").with(otherRep)).andExpect(status().isForbidden());
	}

	@Test
	void anAgentJoinsAndLeavesAQueueAnAdministratorAddsOne() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		RequestPostProcessor adminSession = TestUsers.signIn(this.mvc, admin);
		String name = "Billing " + TestCustomers.tag();
		this.mvc.perform(post("/cases/queues").with(adminSession).with(csrf()).param("name", name))
			.andExpect(redirectedUrl("/cases/queues"));
		this.mvc.perform(post("/cases/queues").with(adminSession).with(csrf()).param("name", name))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a queue called " + name + " already.")));
		User agent = this.users.create(Role.SERVICE);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, agent);
		this.mvc.perform(post("/cases/queues").with(session).with(csrf()).param("name", "Mine"))
			.andExpect(status().isForbidden());

		this.mvc.perform(post("/cases/queues/" + Cases.DEFAULT_QUEUE_ID + "/join").with(session).with(csrf()))
			.andExpect(redirectedUrl("/cases/queues"));
		this.mvc.perform(get("/cases/queues").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(agent.fullName())))
			.andExpect(content().string(containsString("leave-" + Cases.DEFAULT_QUEUE_ID)));
		this.mvc.perform(post("/cases/queues/" + Cases.DEFAULT_QUEUE_ID + "/leave").with(session).with(csrf()))
			.andExpect(redirectedUrl("/cases/queues"));
		this.mvc.perform(post("/cases/queues/" + UUID.randomUUID() + "/join").with(session).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theQueueViewsAndNextCase() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, agent);

		this.mvc.perform(get("/cases").param("unassigned", "true").param("status", "open").with(session))
			.andExpect(status().isOk());
		this.mvc.perform(get("/cases").param("status", "SNOOZED").with(session)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/cases").header("HX-Request", "true").header("HX-Target", "results").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(post("/cases/next").param("everyQueue", "true").with(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

}
