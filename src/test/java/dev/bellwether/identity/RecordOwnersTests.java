package dev.bellwether.identity;

import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may give a record to whom, the same for accounts, contacts, deals and activities,
 * in the API and in forms: a rep only to themself, a manager or an executive within their
 * organisation, sales administrators and administrators to any sales person; and never to
 * an administrator, an integration account, a marketing or service user.
 */
@IntegrationTest
class RecordOwnersTests {

	private static final String PROPOSAL = "01900000-0000-7000-8000-000000000004";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	UserDirectory directory;

	@Autowired
	RecordOwners owners;

	@Autowired
	Accounts accounts;

	User executive;

	User manager;

	User rep;

	User peer;

	User outsideRep;

	User salesAdmin;

	User marketing;

	User admin;

	@BeforeEach
	void company() {
		this.executive = this.users.create(Role.EXECUTIVE);
		this.manager = this.users.create(Role.MANAGER, this.executive.id());
		this.rep = this.users.create(Role.REP, this.manager.id());
		this.peer = this.users.create(Role.REP, this.manager.id());
		this.outsideRep = this.users.create(Role.REP);
		this.salesAdmin = this.users.create(Role.SALES_ADMIN);
		this.marketing = this.users.create(Role.MARKETING);
		this.admin = this.users.create(Role.ADMIN);
	}

	@Test
	void aRepCannotCreateADealForSomeoneElseNorGiveTheirDealAway() throws Exception {
		UUID account = account(this.rep);
		createDeal(this.rep, this.peer.id(), account).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"))
			.andExpect(jsonPath("$.detail").value(containsString("You can't give this opportunity to")));
		createDeal(this.rep, this.executive.id(), account).andExpect(status().isForbidden());

		String location = createDeal(this.rep, this.rep.id(), account).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc
			.perform(put(location).with(TestUsers.basic(this.rep)).contentType(MediaType.APPLICATION_JSON).content("""
					{"name": "Mine", "accountId": "%s", "ownerId": "%s", "stageId": "%s", "amount": 1000,
					 "closeDate": "2027-03-31", "version": 0}
					""".formatted(account, this.peer.id(), PROPOSAL)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"));
		// keeping the owner is always allowed
		this.mvc
			.perform(put(location).with(TestUsers.basic(this.rep)).contentType(MediaType.APPLICATION_JSON).content("""
					{"name": "Still mine", "accountId": "%s", "stageId": "%s", "amount": 1000,
					 "closeDate": "2027-03-31", "version": 0}
					""".formatted(account, PROPOSAL)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownerId").value(this.rep.id().toString()));
	}

	@Test
	void theSameRuleHoldsForAccountsContactsAndActivities() throws Exception {
		UUID account = account(this.rep);
		postJson(this.rep, "/api/v1/accounts",
				"{\"name\": \"Given away %s\", \"ownerId\": \"%s\"}".formatted(UUID.randomUUID(), this.peer.id()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"));
		postJson(this.rep, "/api/v1/contacts",
				"{\"firstName\": \"Given\", \"lastName\": \"Away\", \"ownerId\": \"%s\"}".formatted(this.peer.id()))
			.andExpect(status().isForbidden());
		postJson(this.rep, "/api/v1/activities",
				"{\"kind\": \"TASK\", \"subject\": \"Yours\", \"accountId\": \"%s\", \"ownerId\": \"%s\"}"
					.formatted(account, this.peer.id()))
			.andExpect(status().isForbidden());

		postJson(this.manager, "/api/v1/contacts",
				"{\"firstName\": \"For\", \"lastName\": \"Rep\", \"ownerId\": \"%s\"}".formatted(this.rep.id()))
			.andExpect(status().isCreated());
		postJson(this.manager, "/api/v1/activities",
				"{\"kind\": \"TASK\", \"subject\": \"Team\", \"accountId\": \"%s\", \"ownerId\": \"%s\"}"
					.formatted(account, this.peer.id()))
			.andExpect(status().isCreated());
	}

	@Test
	void aManagerOrExecutiveGivesWithinTheirOrganisationOnly() throws Exception {
		UUID account = account(this.rep);
		createDeal(this.manager, this.rep.id(), account).andExpect(status().isCreated());
		createDeal(this.manager, this.outsideRep.id(), account).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("people in your organisation")));
		createDeal(this.manager, this.executive.id(), account).andExpect(status().isForbidden());

		// an executive reads every deal, and gives records to everyone below them
		createDeal(this.executive, this.rep.id(), account).andExpect(status().isCreated());
		createDeal(this.executive, this.outsideRep.id(), account).andExpect(status().isForbidden());
	}

	@Test
	void salesAdministratorsAndAdministratorsGiveToAnySalesPerson() throws Exception {
		UUID account = account(this.rep);
		createDeal(this.salesAdmin, this.outsideRep.id(), account).andExpect(status().isCreated());
		createDeal(this.admin, this.executive.id(), account).andExpect(status().isCreated());
	}

	@Test
	void recordsNeverGoToAdministratorsIntegrationAccountsMarketingOrServiceUsers() throws Exception {
		UUID account = account(this.rep);
		User integration = integrationAccount();
		for (User notAnOwner : List.of(this.admin, this.marketing, this.users.create(Role.SERVICE), integration)) {
			createDeal(this.salesAdmin, notAnOwner.id(), account).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("ownerId"))
				.andExpect(jsonPath("$.detail").value(containsString("records belong to active sales people")));
		}
	}

	@Test
	void ownerPickersOfferOnlyTheAllowedSalesPeople() {
		List<UUID> forRep = ids(this.owners.choices(TestUsers.viewer(this.rep), Accounts.ACCESS, null));
		assertThat(forRep).containsExactly(this.rep.id());

		List<UUID> forManager = ids(this.owners.choices(TestUsers.viewer(this.manager), Accounts.ACCESS, null));
		assertThat(forManager).containsExactlyInAnyOrder(this.manager.id(), this.rep.id(), this.peer.id());

		User integration = integrationAccount();
		List<UUID> forSalesAdmin = ids(this.owners.choices(TestUsers.viewer(this.salesAdmin), Accounts.ACCESS, null));
		assertThat(forSalesAdmin).contains(this.outsideRep.id(), this.executive.id(), this.salesAdmin.id())
			.doesNotContain(this.admin.id(), this.marketing.id(), integration.id());
		User leaver = this.users.create(Role.REP, this.manager.id());
		this.directory.deactivate(leaver.id(), this.admin.id());
		assertThat(ids(this.owners.choices(TestUsers.viewer(this.admin), Accounts.ACCESS, null)))
			.doesNotContain(this.admin.id(), leaver.id());

		// an edit form keeps showing the record's owner, whoever they are
		assertThat(ids(this.owners.choices(TestUsers.viewer(this.manager), Accounts.ACCESS, leaver.id())))
			.contains(leaver.id());
		// someone who owns no records may still keep one for themself
		assertThat(ids(this.owners.choices(TestUsers.viewer(this.marketing), Accounts.ACCESS, null)))
			.containsExactly(this.marketing.id());
	}

	@Test
	void theFormsPickerListsOnlyAllowedOwnersAndARefusalShowsInline() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/opportunities/new").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.rep.fullName())))
			.andExpect(content().string(not(containsString(this.peer.fullName()))))
			.andExpect(content().string(not(containsString(this.admin.fullName()))));

		this.mvc
			.perform(post("/accounts").with(session)
				.with(csrf())
				.param("name", "Form given away " + UUID.randomUUID())
				.param("ownerId", this.peer.id().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You can&#39;t give this account to")))
			.andExpect(content().string(containsString("is-invalid")));
	}

	private User integrationAccount() {
		User user = this.users.create(Role.REP);
		return this.directory.update(user.id(), user.version(), new UserProfile(user.username(), user.fullName(),
				user.email(), user.title(), user.role(), null, user.team(), user.region(), user.hiredOn(), true),
				this.admin.id());
	}

	private static List<UUID> ids(List<User> users) {
		return users.stream().map(User::id).toList();
	}

	private UUID account(User owner) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails("Owners Co " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
							null, null, null, owner.id(), null))
			.id();
	}

	private ResultActions createDeal(User caller, UUID ownerId, UUID account) throws Exception {
		return postJson(caller, "/api/v1/opportunities", """
				{"name": "Deal %s", "accountId": "%s", "ownerId": "%s", "stageId": "%s", "amount": 1000,
				 "closeDate": "2027-03-31"}
				""".formatted(UUID.randomUUID(), account, ownerId, PROPOSAL));
	}

	private ResultActions postJson(User caller, String path, String json) throws Exception {
		return this.mvc
			.perform(post(path).with(TestUsers.basic(caller)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

}
