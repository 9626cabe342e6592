package dev.bellwether.search;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.LeadDetails;
import dev.bellwether.marketing.Leads;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class GlobalSearchTests {

	@Autowired
	GlobalSearch search;

	@Autowired
	Clock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	TestUsers users;

	@Autowired
	Leads leads;

	@Autowired
	MockMvc mvc;

	User rep;

	Viewer viewer;

	/** A made-up word no other test uses, so that only this test's records match it. */
	String word;

	@BeforeEach
	void signIn() {
		this.rep = this.users.create(Role.REP);
		this.viewer = TestUsers.viewer(this.rep);
		this.word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
	}

	@Test
	void findsAccountsByPartOfTheNameAndByDomain() {
		Account byName = createAccount("Quill " + this.word + " Partners", null);
		Account byDomain = createAccount("Starlight Holdings", "https://www." + this.word + "-star.example");

		// the start of a word of the name, and of a part of the domain
		assertThat(this.search.search(this.viewer, this.word.substring(0, 7), 10).ofType(Accounts.RECORD_TYPE))
			.extracting(SearchHit::id)
			.containsExactlyInAnyOrder(byName.id(), byDomain.id());
		assertThat(this.search.search(this.viewer, "star " + this.word, 10).ofType(Accounts.RECORD_TYPE))
			.extracting(SearchHit::id)
			.containsExactly(byDomain.id());
		// the domain is the closest match; the other account's name is a near miss of it
		assertThat(this.search.search(this.viewer, this.word + "-star.example", 10).hits()).first().satisfies(hit -> {
			assertThat(hit.id()).isEqualTo(byDomain.id());
			assertThat(hit.type()).isEqualTo("account");
			assertThat(hit.title()).isEqualTo("Starlight Holdings");
			assertThat(hit.subtitle()).contains(this.word + "-star.example");
			assertThat(hit.url()).isEqualTo("/accounts/" + byDomain.id());
		});
	}

	@Test
	void findsContactsByNameAndByEmail() {
		Contact byName = createContact("Gamora", this.word + "son", null);
		Contact byEmail = createContact("Peter", "Quill", "peter@" + this.word + ".example");

		assertThat(this.search.search(this.viewer, "gamora " + this.word, 10).ofType(Contacts.RECORD_TYPE))
			.extracting(SearchHit::id)
			.containsExactly(byName.id());
		assertThat(this.search.search(this.viewer, "@" + this.word, 10).hits()).first().satisfies(hit -> {
			assertThat(hit.id()).isEqualTo(byEmail.id());
			assertThat(hit.type()).isEqualTo("contact");
			assertThat(hit.title()).isEqualTo("Peter Quill");
			assertThat(hit.url()).isEqualTo("/contacts/" + byEmail.id());
		});
	}

	@Test
	void toleratesTyposAndWordsInAnyOrder() {
		Account account = createAccount("Quill " + this.word + " Partners", null);
		Contact contact = createContact("Gamora", this.word + "son", null);
		String typo = this.word.substring(0, 5) + (this.word.charAt(5) == 'x' ? 'y' : 'x') + this.word.substring(6);

		assertThat(this.search.search(this.viewer, typo, 10).ofType(Accounts.RECORD_TYPE)).extracting(SearchHit::id)
			.containsExactly(account.id());
		assertThat(this.search.search(this.viewer, this.word + "son gamora", 10).ofType(Contacts.RECORD_TYPE))
			.extracting(SearchHit::id)
			.containsExactly(contact.id());
		assertThat(this.search.search(this.viewer, "partners " + this.word, 10).ofType(Accounts.RECORD_TYPE))
			.extracting(SearchHit::id)
			.containsExactly(account.id());
	}

	@Test
	void takesAShortWordTheVocabularyKnowsAsMeantAndCorrectsOnlyUnknownOnes() {
		// five letters, shorter than a long word; the two others share its first three
		// letters (similarity 0.33: a typo's distance for a word nobody has used)
		String known = this.word.substring(0, 5);
		String near = known.substring(0, 3) + "ww";
		String unknown = known.substring(0, 3) + "vv";
		Account knownAccount = createAccount(known + " Holdings", null);
		Account nearAccount = createAccount(near + " Holdings", null);

		assertThat(this.search.search(this.viewer, known, 10).ofType(Accounts.RECORD_TYPE)).extracting(SearchHit::id)
			.contains(knownAccount.id())
			.doesNotContain(nearAccount.id());
		assertThat(this.search.search(this.viewer, unknown, 10).ofType(Accounts.RECORD_TYPE)).extracting(SearchHit::id)
			.contains(knownAccount.id(), nearAccount.id());
	}

	@Test
	void ranksCloserMatchesAboveMereNearMisses() {
		String typo = this.word.substring(0, 5) + (this.word.charAt(5) == 'x' ? 'y' : 'x') + this.word.substring(6);
		Account nearMiss = createAccount(typo + " Logistics", null);
		Account containing = createAccount("Nova " + this.word + " Logistics", null);
		Account prefixed = createAccount(this.word + " Logistics", null);

		assertThat(this.search.search(this.viewer, this.word, 10).ofType(Accounts.RECORD_TYPE))
			.extracting(SearchHit::id)
			.containsExactly(prefixed.id(), containing.id(), nearMiss.id());
	}

	@Test
	void findsOpportunitiesOnlyForThoseWhoMaySeeThem() {
		User manager = this.users.create(Role.MANAGER);
		User owner = this.users.create(Role.REP, manager.id());
		Viewer ownerViewer = TestUsers.viewer(owner);
		Account account = this.accounts.create(ownerViewer, new AccountDetails("Deal account " + this.word, null, null,
				null, null, null, null, null, null, null, null, null, owner.id(), null));
		Opportunity deal = this.opportunities.create(ownerViewer,
				new OpportunityDetails(this.word + " fleet renewal", account.id(), null, owner.id(),
						UUID.fromString("01900000-0000-7000-8000-000000000004"), new BigDecimal("25000"), false,
						LocalDate.now(this.clock).plusDays(30), null, null, null, null, null, null));
		String typo = "fleet renwal " + this.word;

		assertThat(this.search.search(ownerViewer, typo, 10).ofType(Opportunities.RECORD_TYPE)).singleElement()
			.satisfies(hit -> {
				assertThat(hit.id()).isEqualTo(deal.id());
				assertThat(hit.url()).isEqualTo("/opportunities/" + deal.id());
				assertThat(hit.subtitle()).contains("Deal account " + this.word, "Proposal");
			});
		assertThat(this.search.search(TestUsers.viewer(manager), this.word + " fleet", 10)
			.ofType(Opportunities.RECORD_TYPE)).extracting(SearchHit::id).containsExactly(deal.id());
		assertThat(this.search.search(this.viewer, this.word + " fleet", 10).ofType(Opportunities.RECORD_TYPE))
			.isEmpty();
	}

	@Test
	void findsDealsByTheStartOfAnyWordOfTheirName() {
		Account account = createAccount("Deal account " + this.word, null);
		Opportunity deal = this.opportunities.create(this.viewer,
				new OpportunityDetails("Rollout for " + this.word + "-north.example", account.id(), null, this.rep.id(),
						UUID.fromString("01900000-0000-7000-8000-000000000004"), new BigDecimal("25000"), false,
						LocalDate.now(this.clock).plusDays(30), null, null, null, null, null, null));

		// a word inside a web address, the start of it, and of the other words
		for (String query : new String[] { this.word, this.word.substring(0, 6), "north " + this.word.substring(0, 5),
				"rollo " + this.word.substring(0, 4), this.word + "-north.example" }) {
			assertThat(this.search.search(this.viewer, query, 10).ofType(Opportunities.RECORD_TYPE)).as(query)
				.extracting(SearchHit::id)
				.containsExactly(deal.id());
		}
	}

	@Test
	void ranksTheExactNameFirst() {
		createAccount(this.word + " Holdings", null);
		createAccount("Old " + this.word, null);
		createContact(null, this.word + "ski", null);
		Contact exactContact = createContact(null, this.word, null);

		SearchResults results = this.search.search(this.viewer, this.word.toUpperCase(Locale.ROOT), 10);

		assertThat(results.hits()).hasSize(4);
		assertThat(results.hits().get(0).id()).isEqualTo(exactContact.id());
		assertThat(results.hits().get(1).type()).isEqualTo("account");

		Account exactAccount = createAccount(this.word, null);
		assertThat(this.search.search(this.viewer, this.word, 10).hits()).extracting(SearchHit::id)
			.startsWith(exactAccount.id(), exactContact.id());
	}

	@Test
	void leavesOutRecordsInTheRecycleBin() {
		Account account = createAccount("Deleted " + this.word, null);
		this.accounts.delete(this.viewer, account.id());

		assertThat(this.search.search(this.viewer, this.word, 10).isEmpty()).isTrue();
	}

	@Test
	void correctsTyposOfNamesGivenLaterAndTakesQueryOperatorsAsText() {
		Account account = createAccount("Pending " + this.word, null);
		this.accounts.update(this.viewer, account.id(), account.version(), new AccountDetails("Vantablack " + this.word,
				null, null, null, null, null, null, null, null, null, null, null, this.rep.id(), null));

		// the vocabulary learnt the new name's words when the account was renamed
		assertThat(this.search.search(this.viewer, "vantablak " + this.word, 10).ofType(Accounts.RECORD_TYPE))
			.extracting(SearchHit::id)
			.containsExactly(account.id());
		// full-text query syntax and quotes are only text
		assertThat(this.search.search(this.viewer, "o'brien & !(" + this.word + ":* | \\", 10).isEmpty()).isTrue();
		assertThat(this.search.search(this.viewer, "&!|():*", 10).isEmpty()).isTrue();
	}

	@Test
	void emptyQueryFindsNothingAndLimitIsChecked() {
		createAccount(this.word, null);

		assertThat(this.search.search(this.viewer, "   ", 10).isEmpty()).isTrue();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.search.search(this.viewer, this.word, 0))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("limit"));
	}

	@Test
	void apiReturnsTheHits() throws Exception {
		Account account = createAccount(this.word + " Industries", null);
		createContact(null, this.word, null);

		this.mvc
			.perform(get("/api/v1/search").param("q", this.word).param("limit", "1").with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].type").value("contact"))
			.andExpect(jsonPath("$[1].id").value(account.id().toString()))
			.andExpect(jsonPath("$[1].url").value("/accounts/" + account.id()));
		this.mvc
			.perform(get("/api/v1/search").param("q", this.word).param("limit", "500").with(TestUsers.basic(this.rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
	}

	@Test
	void suggestsTheBestHitsAsTheUserTypes() throws Exception {
		Account account = createAccount(this.word + " Industries", null);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);

		this.mvc.perform(get("/search/suggest").param("q", this.word).header("HX-Request", "true").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/accounts/" + account.id())))
			.andExpect(content().string(containsString("See all results")))
			.andExpect(content().string(not(containsString("<nav"))));
		this.mvc.perform(get("/search/suggest").param("q", " ").header("HX-Request", "true").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("list-group"))));
	}

	@Test
	void findsTheLeadsTheViewerMaySeeOnOnePageAndInTheApi() throws Exception {
		Lead lead = this.leads.create(this.viewer, new LeadDetails("Ada", "Lead" + this.word, "Engines", "CTO", null,
				null, "GB", "Web", null, null, this.rep.id(), null));
		Viewer peer = TestUsers.viewer(this.users.create(Role.REP));
		Viewer marketing = TestUsers.viewer(this.users.create(Role.MARKETING));

		assertThat(this.search.search(this.viewer, this.word, 10).ofType(Leads.RECORD_TYPE))
			.extracting(SearchHit::id, SearchHit::url)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(lead.id(), "/leads/" + lead.id()));
		assertThat(this.search.search(marketing, this.word, 10).ofType(Leads.RECORD_TYPE)).hasSize(1);
		assertThat(this.search.search(peer, this.word, 10).hits()).as("another rep's lead is never found").isEmpty();

		this.mvc.perform(get("/api/v1/search").param("q", this.word).with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].type").value("lead"))
			.andExpect(jsonPath("$[0].url").value("/leads/" + lead.id()));
		this.mvc.perform(get("/search").param("q", this.word).with(TestUsers.signIn(this.mvc, this.rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/leads/" + lead.id() + "\"")));
		this.mvc.perform(get("/api/v1/search").param("q", this.word).with(TestUsers.basic(this.users.create(Role.REP))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void apiRequiresCredentials() throws Exception {
		createAccount(this.word, null);

		this.mvc.perform(get("/api/v1/search").param("q", this.word))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.status").value(401));
	}

	private Account createAccount(String name, String website) {
		return this.accounts.create(this.viewer, new AccountDetails(name, website, null, null, null, null, null, null,
				null, null, null, null, this.rep.id(), null));
	}

	private Contact createContact(String firstName, String lastName, String email) {
		return this.contacts.create(this.viewer,
				new ContactDetails(firstName, lastName, null, email, null, null, null, this.rep.id()));
	}

}
