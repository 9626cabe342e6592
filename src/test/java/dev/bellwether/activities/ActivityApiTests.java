package dev.bellwether.activities;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The activities API: every status code it answers with, and who sees what.
 */
@IntegrationTest
class ActivityApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	Deals deals;

	private UUID account(User owner) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails("Api Account " + UUID.randomUUID(), null, null, null, null, null, null, null,
							null, null, null, null, owner.id(), null))
			.id();
	}

	private ResultActions log(User user, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/activities").with(TestUsers.basic(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private String create(User user, String json) throws Exception {
		return log(user, json).andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
	}

	@Test
	void logsReadsUpdatesAndDeletesACall() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		String location = create(rep, """
				{"kind": "CALL", "subject": "Pricing questions", "body": "Wants a discount",
				 "accountId": "%s", "startsAt": "2026-03-02T10:00:00Z", "durationMinutes": 25}
				""".formatted(account));

		this.mvc.perform(get(location).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("CALL"))
			.andExpect(jsonPath("$.endsAt").value("2026-03-02T10:25:00Z"))
			.andExpect(jsonPath("$.durationMinutes").value(25))
			.andExpect(jsonPath("$.ownerId").value(rep.id().toString()))
			.andExpect(jsonPath("$.accountName").exists())
			.andExpect(jsonPath("$.version").value(0));

		this.mvc.perform(put(location).with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
				{"kind": "CALL", "subject": "Pricing agreed", "accountId": "%s",
				 "startsAt": "2026-03-02T10:00:00Z", "durationMinutes": 30, "version": 0}
				""".formatted(account)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("Pricing agreed"))
			.andExpect(jsonPath("$.version").value(1));

		this.mvc.perform(delete(location).with(TestUsers.basic(rep))).andExpect(status().isNoContent());
		this.mvc.perform(get(location).with(TestUsers.basic(rep))).andExpect(status().isNotFound());
		this.mvc.perform(post(location + "/restore").with(TestUsers.basic(rep))).andExpect(status().isOk());
		this.mvc.perform(get(location).with(TestUsers.basic(rep))).andExpect(status().isOk());
	}

	@Test
	void aStaleVersionIsAConflictAndChangesNothing() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		String location = create(rep, """
				{"kind": "NOTE", "body": "First thought", "accountId": "%s"}
				""".formatted(account));
		String update = """
				{"kind": "NOTE", "body": "%s", "accountId": "%s", "version": 0}
				""";
		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content(update.formatted("Second thought", account)))
			.andExpect(status().isOk());

		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content(update.formatted("Lost update", account)))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));
		this.mvc.perform(get(location).with(TestUsers.basic(rep)))
			.andExpect(jsonPath("$.body").value("Second thought"));
	}

	@Test
	void invalidInputNamesEachField() throws Exception {
		User rep = this.users.create(Role.REP);
		log(rep, """
				{"kind": "MEETING", "subject": "Kick-off", "startsAt": "2026-03-02T10:00:00Z",
				 "endsAt": "2026-03-02T09:00:00Z", "attendees": [{"email": "not-an-address"}]}
				""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'links')]").exists())
			.andExpect(
					jsonPath("$.errors[?(@.field == 'endsAt')].message").value("The meeting must end after it starts."))
			.andExpect(jsonPath("$.errors[?(@.field == 'attendees[0].email')]").exists());

		log(rep, """
				{"kind": "TASK", "subject": "Follow up", "accountId": "%s", "dueDate": "next tuesday"}
				""".formatted(account(rep))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Malformed request body"));

		log(rep, """
				{"kind": "TASK", "subject": "Follow up", "accountId": "%s"}
				""".formatted(UUID.randomUUID())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'accountId')].message", hasItem(containsString("no account"))));

		String location = create(rep, """
				{"kind": "NOTE", "body": "Text", "accountId": "%s"}
				""".formatted(account(rep)));
		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\": \"No version\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		this.mvc.perform(post(location + "/complete").with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void unknownIdsAreNotFoundAndStrangersAreUnauthorized() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/activities/{id}", UUID.randomUUID()).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(get("/api/v1/activities/not-an-id").with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/activities")).andExpect(status().isUnauthorized());
	}

	@Test
	void onlyTheOwnerChainAndAdministratorsChangeAnActivityOnASharedAccount() throws Exception {
		User owner = this.users.create(Role.REP);
		User colleague = this.users.create(Role.REP);
		User salesAdmin = this.users.create(Role.SALES_ADMIN);
		String location = create(owner, """
				{"kind": "TASK", "subject": "Send brochure", "accountId": "%s", "dueDate": "2026-03-09"}
				""".formatted(account(owner)));

		this.mvc.perform(get(location).with(TestUsers.basic(colleague))).andExpect(status().isOk());
		this.mvc.perform(post(location + "/complete").with(TestUsers.basic(colleague)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("only its owner")));
		this.mvc.perform(delete(location).with(TestUsers.basic(colleague))).andExpect(status().isForbidden());

		this.mvc.perform(post(location + "/complete").with(TestUsers.basic(salesAdmin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.completedBy").value(salesAdmin.id().toString()));
		this.mvc.perform(post(location + "/reopen").with(TestUsers.basic(owner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.completedAt").doesNotExist());
	}

	@Test
	void activitiesOnADealAreSeenOnlyByThoseWhoSeeTheDeal() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User repB = this.users.create(Role.REP, manager.id());
		User repA = this.users.create(Role.REP);
		User executive = this.users.create(Role.EXECUTIVE);
		UUID account = account(repB);
		UUID deal = this.deals.create("Secret deal " + UUID.randomUUID(), account, repB.id());
		String onDeal = create(repB, """
				{"kind": "CALL", "subject": "Negotiation call", "opportunityId": "%s",
				 "startsAt": "2026-03-02T10:00:00Z"}
				""".formatted(deal));
		String onAccount = create(repB, """
				{"kind": "NOTE", "body": "Shared account note", "accountId": "%s"}
				""".formatted(account));
		String dealActivityId = JsonPath.read(this.mvc.perform(get(onDeal).with(TestUsers.basic(repB)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");

		// the deal's account is stored, so the account's list and timeline can include it
		this.mvc.perform(get(onDeal).with(TestUsers.basic(repB)))
			.andExpect(jsonPath("$.accountId").value(account.toString()));

		// rep A: not the deal's activity, by id, list or timeline; the account's note,
		// yes
		this.mvc.perform(get(onDeal).with(TestUsers.basic(repA))).andExpect(status().isNotFound());
		this.mvc.perform(get(onAccount).with(TestUsers.basic(repA))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/activities").param("accountId", account.toString()).with(TestUsers.basic(repA)))
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.content[*].id", not(hasItem(dealActivityId))));
		this.mvc.perform(get("/api/v1/accounts/{id}/timeline", account).with(TestUsers.basic(repA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[*].id", not(hasItem(dealActivityId))))
			.andExpect(jsonPath("$.entries[*].summary", hasItem("Note: Shared account note")));
		this.mvc.perform(get("/api/v1/opportunities/{id}/timeline", deal).with(TestUsers.basic(repA)))
			.andExpect(status().isNotFound());
		log(repA, """
				{"kind": "NOTE", "body": "Sneaky", "opportunityId": "%s"}
				""".formatted(deal)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'opportunityId')]").exists());

		// B's manager and an executive see it everywhere
		for (User allowed : new User[] { manager, executive }) {
			this.mvc.perform(get(onDeal).with(TestUsers.basic(allowed))).andExpect(status().isOk());
			this.mvc
				.perform(
						get("/api/v1/activities").param("accountId", account.toString()).with(TestUsers.basic(allowed)))
				.andExpect(jsonPath("$.page.totalElements").value(2));
			this.mvc.perform(get("/api/v1/opportunities/{id}/timeline", deal).with(TestUsers.basic(allowed)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.entries[0].id").value(dealActivityId))
				.andExpect(jsonPath("$.entries[0].actorName").value(repB.fullName()));
			this.mvc.perform(get("/api/v1/accounts/{id}/timeline", account).with(TestUsers.basic(allowed)))
				.andExpect(jsonPath("$.entries[*].id", hasItem(dealActivityId)));
		}
		// the manager may change it; the executive only read it
		this.mvc.perform(delete(onDeal).with(TestUsers.basic(executive))).andExpect(status().isForbidden());
		this.mvc.perform(delete(onDeal).with(TestUsers.basic(manager))).andExpect(status().isNoContent());
	}

	@Test
	void aTaskOnADealCanOnlyGoToSomeoneWhoSeesTheDeal() throws Exception {
		User repB = this.users.create(Role.REP);
		User repA = this.users.create(Role.REP);
		UUID deal = this.deals.create("Deal " + UUID.randomUUID(), account(repB), repB.id());

		log(repB, """
				{"kind": "TASK", "subject": "Prepare demo", "opportunityId": "%s", "ownerId": "%s"}
				""".formatted(deal, repA.id())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'ownerId')].message",
					hasItem(containsString("can't see the opportunity"))));
	}

	@Test
	void meetingsWithAContactAppearOnTheContactsTimeline() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		UUID contact = this.contacts
			.create(TestUsers.viewer(rep),
					new ContactDetails("Ada", "Attendee", null, null, null, null, account, rep.id()))
			.id();
		create(rep, """
				{"kind": "MEETING", "subject": "Workshop", "accountId": "%s", "startsAt": "2026-03-02T10:00:00Z",
				 "endsAt": "2026-03-02T12:00:00Z", "attendees": [{"contactId": "%s"}, {"email": "guest@x.example"}]}
				""".formatted(account, contact));

		this.mvc.perform(get("/api/v1/contacts/{id}/timeline", contact).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[*].summary", hasItem("Meeting: Workshop")))
			.andExpect(jsonPath("$.next").doesNotExist());
		this.mvc
			.perform(get("/api/v1/activities").param("kind", "MEETING")
				.param("accountId", account.toString())
				.with(TestUsers.basic(rep)))
			.andExpect(jsonPath("$.content[0].attendees[0].name").value("Ada Attendee"))
			.andExpect(jsonPath("$.content[0].attendees[1].email").value("guest@x.example"));
	}

	@Test
	void timelineParametersAreChecked() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		this.mvc
			.perform(get("/api/v1/accounts/{id}/timeline", account).param("before", "soon").with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/accounts/{id}/timeline", account).param("size", "0").with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/accounts/{id}/timeline", UUID.randomUUID()).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/widgets/{id}/timeline", account).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound());
	}

}
