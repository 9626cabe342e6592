package dev.bellwether.dataquality;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.activities.Activities;
import dev.bellwether.activities.Activity;
import dev.bellwether.activities.ActivityDetails;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.CustomerMerges;
import dev.bellwether.customers.MergeRequest;
import dev.bellwether.customers.MergeResult;
import dev.bellwether.customers.MergeSide;
import dev.bellwether.customers.MergeUndoResult;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.PipelineStages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class DuplicatesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	PipelineStages stages;

	@Autowired
	Activities activities;

	@Autowired
	CustomerMerges merges;

	@Autowired
	Duplicates duplicates;

	@Autowired
	Clock clock;

	@Test
	void findsNameVariantDomainAndEmailPairsButNotDistinctRecords() {
		User owner = this.users.create(Role.REP);
		String tag = tag();
		Account acme = account(owner, "Zyxcorp " + tag + " Inc.", null);
		Account acmeVariant = account(owner, "ZYXCORP " + tag + ", LLC", null);
		Account byDomain = account(owner, "Northwind " + tag(), "https://www." + tag + ".example");
		Account sameDomain = account(owner, "Southgate " + tag(), tag + ".example/contact");
		Account distinct = account(owner, "Quillby " + tag() + " Bakery", null);
		String typo = tag();
		Account similar = account(owner, typo + " Industries", null);
		Account misspelt = account(owner, typo + " Industrie", null);
		Contact ada = contact(owner, "Ada", "Lovelace" + tag, "ada." + tag + "@example.com", null);
		Contact adaAgain = contact(owner, "Augusta", "King" + tag(), "ADA." + tag + "@Example.com", null);
		Contact other = contact(owner, "Grace", "Hopper" + tag(), "grace." + tag() + "@example.com", null);

		this.duplicates.detect();

		assertThat(this.duplicates.pairOf("account", acme.id(), acmeVariant.id())).hasValueSatisfying(pair -> {
			assertThat(pair.reason()).startsWith("NAME");
			assertThat(pair.score()).isGreaterThanOrEqualTo(new BigDecimal("0.95"));
			assertThat(pair.status()).isEqualTo(DuplicateStatus.OPEN);
		});
		assertThat(this.duplicates.pairOf("account", byDomain.id(), sameDomain.id()))
			.hasValueSatisfying(pair -> assertThat(pair.reason()).contains("DOMAIN"));
		assertThat(this.duplicates.pairOf("account", similar.id(), misspelt.id()))
			.hasValueSatisfying(pair -> assertThat(pair.reason()).isEqualTo("SIMILAR_NAME"));
		assertThat(this.duplicates.pairOf("contact", ada.id(), adaAgain.id()))
			.hasValueSatisfying(pair -> assertThat(pair.reason()).contains("EMAIL"));
		for (Account account : List.of(acme, acmeVariant, byDomain, sameDomain, similar, misspelt)) {
			assertThat(this.duplicates.pairOf("account", distinct.id(), account.id())).isEmpty();
		}
		assertThat(this.duplicates.pairOf("contact", ada.id(), other.id())).isEmpty();
		assertThat(this.duplicates.open(steward(), "account", 10_000)).extracting(DuplicatePair::aId)
			.doesNotContain(distinct.id());
	}

	@Test
	void aManagerSeesOnlyPairsOfRecordsTheyMayChange() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User report = this.users.create(Role.REP, manager.id());
		User stranger = this.users.create(Role.REP);
		String tag = tag();
		Account mine = account(report, "Soylent " + tag + " Inc", null);
		Account mineToo = account(report, "Soylent " + tag + " Ltd", null);
		String otherTag = tag();
		Account theirs = account(stranger, "Umbrella " + otherTag + " Inc", null);
		Account theirsToo = account(report, "Umbrella " + otherTag + " Ltd", null);
		this.duplicates.detect();
		UUID minePair = this.duplicates.pairOf("account", mine.id(), mineToo.id()).orElseThrow().id();
		UUID mixedPair = this.duplicates.pairOf("account", theirs.id(), theirsToo.id()).orElseThrow().id();

		assertThat(this.duplicates.open(TestUsers.viewer(manager), "account", 10_000)).extracting(DuplicatePair::id)
			.contains(minePair)
			.doesNotContain(mixedPair);
		this.mvc.perform(get("/api/v1/duplicates/" + mixedPair).with(TestUsers.basic(manager)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/duplicates?type=account&limit=500").with(TestUsers.basic(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + mixedPair + "')]").isEmpty());
	}

	@Test
	void aDismissedPairStaysDismissedWhenFoundAgain() throws Exception {
		User owner = this.users.create(Role.REP);
		User admin = this.users.create(Role.SALES_ADMIN);
		String tag = tag();
		Account one = account(owner, "Vandelay " + tag + " Ltd", null);
		Account two = account(owner, "Vandelay " + tag + " GmbH", null);
		this.duplicates.detect();
		UUID pairId = this.duplicates.pairOf("account", one.id(), two.id()).orElseThrow().id();

		this.mvc.perform(post("/api/v1/duplicates/" + pairId + "/dismiss").with(TestUsers.basic(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISMISSED"));
		this.duplicates.detect();

		assertThat(this.duplicates.pairOf("account", one.id(), two.id()).orElseThrow().status())
			.isEqualTo(DuplicateStatus.DISMISSED);
		assertThat(this.duplicates.open(TestUsers.viewer(admin), "account", 10_000)).extracting(DuplicatePair::id)
			.doesNotContain(pairId);
	}

	@Test
	void mergeMovesContactsDealsAndActivitiesAndUndoPutsThemBack() {
		User owner = this.users.create(Role.REP);
		Viewer admin = steward();
		String tag = tag();
		Account survivor = account(owner, "Initrode " + tag, null);
		Account loser = account(owner, "Initrode " + tag + " Corp", "initrode" + tag + ".example");
		Contact contact = contact(owner, "Milton", "Waddams" + tag, null, loser.id());
		Contact laterEdited = contact(owner, "Bill", "Lumbergh" + tag, null, loser.id());
		Opportunity deal = this.opportunities.create(TestUsers.viewer(owner),
				new OpportunityDetails("Stapler " + tag, loser.id(), contact.id(), owner.id(),
						this.stages.active().get(0).id(), new BigDecimal("500"), false,
						LocalDate.now(this.clock).plusDays(30), null, null, null, null, null, null));
		Activity note = this.activities.create(TestUsers.viewer(owner),
				ActivityDetails.note("Called about the stapler " + tag, owner.id()).linkedTo(loser.id(), null, null));

		MergeResult merged = this.merges.mergeAccounts(admin, new MergeRequest(survivor.id(), survivor.version(),
				loser.id(), loser.version(), Map.of("website", MergeSide.LOSER)));

		assertThat(merged.moved()).isGreaterThanOrEqualTo(4);
		assertThatThrownBy(() -> this.accounts.get(admin, loser.id())).isInstanceOf(RecordNotFoundException.class);
		assertThat(this.accounts.get(admin, survivor.id()).domain()).isEqualTo("initrode" + tag + ".example");
		assertThat(this.contacts.get(admin, contact.id()).accountId()).isEqualTo(survivor.id());
		assertThat(this.opportunities.get(admin, deal.id()).accountId()).isEqualTo(survivor.id());
		assertThat(this.activities.get(admin, note.id()).accountId()).isEqualTo(survivor.id());

		Contact edited = this.contacts.get(admin, laterEdited.id());
		this.contacts.update(admin, edited.id(), edited.version(),
				new ContactDetails("William", edited.lastName(), null, null, null, null, survivor.id(), owner.id()));

		MergeUndoResult undone = this.merges.undo(admin, merged.mergeId());

		assertThat(undone.survivorRestored()).isTrue();
		assertThat(undone.kept()).extracting(move -> move.recordId()).containsExactly(laterEdited.id());
		assertThat(this.accounts.get(admin, loser.id()).name()).isEqualTo(loser.name());
		assertThat(this.accounts.get(admin, survivor.id()).domain()).isNull();
		assertThat(this.contacts.get(admin, contact.id()).accountId()).isEqualTo(loser.id());
		assertThat(this.contacts.get(admin, laterEdited.id()).accountId()).isEqualTo(survivor.id());
		assertThat(this.opportunities.get(admin, deal.id()).accountId()).isEqualTo(loser.id());
		assertThat(this.activities.get(admin, note.id()).accountId()).isEqualTo(loser.id());
	}

	@Test
	void mergingContactsMovesTheirDealsAndActivities() {
		User owner = this.users.create(Role.REP);
		Viewer admin = steward();
		String tag = tag();
		Account account = account(owner, "Penske " + tag, null);
		Contact survivor = contact(owner, "Peter", "Gibbons" + tag, "peter." + tag + "@example.com", account.id());
		Contact loser = contact(owner, "Pete", "Gibbons" + tag, null, account.id());
		Opportunity deal = this.opportunities.create(TestUsers.viewer(owner),
				new OpportunityDetails("TPS " + tag, account.id(), loser.id(), owner.id(),
						this.stages.active().get(0).id(), new BigDecimal("100"), false,
						LocalDate.now(this.clock).plusDays(30), null, null, null, null, null, null));
		Activity note = this.activities.create(TestUsers.viewer(owner),
				ActivityDetails.note("TPS reports " + tag, owner.id()).linkedTo(null, loser.id(), null));

		MergeResult merged = this.merges.mergeContacts(admin, new MergeRequest(survivor.id(), survivor.version(),
				loser.id(), loser.version(), Map.of("firstName", MergeSide.LOSER)));

		assertThat(this.contacts.get(admin, survivor.id()).firstName()).isEqualTo("Pete");
		assertThat(this.opportunities.get(admin, deal.id()).primaryContactId()).isEqualTo(survivor.id());
		assertThat(this.activities.get(admin, note.id()).contactId()).isEqualTo(survivor.id());

		this.merges.undo(admin, merged.mergeId());

		assertThat(this.contacts.get(admin, survivor.id()).firstName()).isEqualTo("Peter");
		assertThat(this.opportunities.get(admin, deal.id()).primaryContactId()).isEqualTo(loser.id());
		assertThat(this.activities.get(admin, note.id()).contactId()).isEqualTo(loser.id());
	}

	@Test
	void aStaleVersionIsAConflict() throws Exception {
		User owner = this.users.create(Role.REP);
		User admin = this.users.create(Role.SALES_ADMIN);
		Account survivor = account(owner, "Chotchkie " + tag(), null);
		Account loser = account(owner, "Chotchkie " + tag(), null);

		this.mvc
			.perform(post("/api/v1/accounts/" + loser.id() + "/merge").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"survivorId": "%s", "survivorVersion": %d, "version": %d, "fields": {"name": "LOSER"}}
						""".formatted(survivor.id(), survivor.version(), loser.version() + 1)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409));
		assertThat(this.accounts.get(TestUsers.viewer(admin), loser.id()).version()).isEqualTo(loser.version());
	}

	@Test
	void aRepWithoutRightsToBothIsRefused() throws Exception {
		User owner = this.users.create(Role.REP);
		User otherRep = this.users.create(Role.REP);
		Account survivor = account(owner, "Bobs " + tag(), null);
		Account loser = account(otherRep, "Bobs " + tag(), null);

		this.mvc
			.perform(post("/api/v1/accounts/" + loser.id() + "/merge").with(TestUsers.basic(otherRep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"survivorId": "%s", "survivorVersion": %d, "version": %d}
						""".formatted(survivor.id(), survivor.version(), loser.version())))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/accounts/" + UUID.randomUUID() + "/merge").with(TestUsers.basic(otherRep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"survivorId": "%s", "survivorVersion": %d, "version": 0}
						""".formatted(survivor.id(), survivor.version())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/duplicates?type=account").with(TestUsers.basic(otherRep)))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.get(TestUsers.viewer(owner), loser.id()).isDeleted()).isFalse();
	}

	private Viewer steward() {
		return TestUsers.viewer(this.users.create(Role.SALES_ADMIN));
	}

	private Account account(User owner, String name, String website) {
		return this.accounts.create(TestUsers.viewer(owner), new AccountDetails(name, website, null, null, null, null,
				null, null, null, null, null, null, owner.id(), null));
	}

	private Contact contact(User owner, String first, String last, String email, UUID accountId) {
		return this.contacts.create(TestUsers.viewer(owner),
				new ContactDetails(first, last, null, email, null, null, accountId, owner.id()));
	}

	/**
	 * Letters only, different every time: names that match nobody else's in the database.
	 */
	private static String tag() {
		StringBuilder tag = new StringBuilder();
		UUID random = UUID.randomUUID();
		long bits = random.getLeastSignificantBits() ^ random.getMostSignificantBits();
		for (int i = 0; i < 10; i++) {
			tag.append((char) ('a' + Math.floorMod(bits >> (i * 5), 26)));
		}
		return tag.toString();
	}

}
