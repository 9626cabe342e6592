package dev.bellwether.customers;

import java.util.List;
import java.util.Set;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.AccessPolicy;
import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duplicate warning on create: the records a new account or contact would be paired
 * with, by the detection's own keys, named only to those who may see them.
 */
@IntegrationTest
class DuplicateWarningTests {

	@Autowired
	CustomerDuplicates duplicates;

	@Autowired
	Accounts accounts;

	@Autowired
	TestCustomers customers;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordVisibility visibility;

	@Test
	void warnsOfAnAccountWithTheSameNameOnceCasePunctuationAndLegalFormAreLeftOut() {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account existing = this.customers.account(rep, "ACME " + tag + ", Inc.", null);

		List<PossibleDuplicate> found = this.duplicates.forNewAccount(TestUsers.viewer(rep), "Acme " + tag, null);

		assertThat(found).singleElement().satisfies(duplicate -> {
			assertThat(duplicate.id()).isEqualTo(existing.id());
			assertThat(duplicate.name()).isEqualTo(existing.name());
			assertThat(duplicate.reason()).isEqualTo("NAME");
			assertThat(duplicate.score()).isEqualByComparingTo(CustomerDuplicates.SAME_NAME);
			assertThat(duplicate.because()).isEqualTo("same name");
		});
		assertThat(this.duplicates.forNewAccount(TestUsers.viewer(rep), "Acme " + tag + " Logistics", null))
			.as("a different name")
			.isEmpty();
	}

	@Test
	void warnsOfAnAccountWithTheSameDomainWhateverTheWebAddressAroundIt() {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account existing = this.customers.account(rep, "Initrode " + tag, tag + ".example");

		List<PossibleDuplicate> found = this.duplicates.forNewAccount(TestUsers.viewer(rep), "Something else " + tag,
				"https://www." + tag.toUpperCase() + ".example/contact");

		assertThat(found).extracting(PossibleDuplicate::id).containsExactly(existing.id());
		assertThat(found.get(0).because()).isEqualTo("same domain " + tag + ".example");
	}

	@Test
	void anAccountSharingNameAndDomainIsOneWarningWithBothReasonsScoredAsTheDetectionScoresThem() {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account existing = this.customers.account(rep, "Vandelay " + tag + " Ltd", tag + ".example");

		List<PossibleDuplicate> found = this.duplicates.forNewAccount(TestUsers.viewer(rep), "vandelay " + tag,
				tag + ".example");

		assertThat(found).singleElement().satisfies(duplicate -> {
			assertThat(duplicate.id()).isEqualTo(existing.id());
			assertThat(duplicate.reason()).isEqualTo("NAME+DOMAIN");
			assertThat(duplicate.because()).isEqualTo("same name, same domain " + tag + ".example");
		});

		// created anyway, the detection pairs the two for the same reasons and score
		Account created = this.customers.account(rep, "vandelay " + tag, tag + ".example");
		assertThat(this.duplicates.accountCandidates(0.6, 50))
			.filteredOn(pair -> Set.of(pair.aId(), pair.bId()).equals(Set.of(existing.id(), created.id())))
			.singleElement()
			.satisfies(pair -> {
				assertThat(pair.reason()).isEqualTo(found.get(0).reason());
				assertThat(pair.score()).isEqualByComparingTo(found.get(0).score());
			});
	}

	@Test
	void leavesOutAccountsInTheRecycleBin() {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account deleted = this.customers.account(rep, "Binned " + tag, null);
		this.accounts.delete(TestUsers.viewer(rep), deleted.id());

		assertThat(this.duplicates.forNewAccount(TestUsers.viewer(rep), "Binned " + tag, null)).isEmpty();
	}

	@Test
	void warnsOfAContactWithTheSameEmailAddressWhateverTheCase() {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Contact existing = this.customers.contact(rep, "Ada", "Lovelace", "Ada." + tag + "@Example.com", null);

		List<PossibleDuplicate> found = this.duplicates.forNewContact(TestUsers.viewer(rep),
				"ada." + tag + "@example.COM", "Augusta", "King", null);

		assertThat(found).singleElement().satisfies(duplicate -> {
			assertThat(duplicate.id()).isEqualTo(existing.id());
			assertThat(duplicate.name()).isEqualTo("Ada Lovelace");
			assertThat(duplicate.reason()).isEqualTo("EMAIL");
		});
	}

	@Test
	void warnsOfAContactWithTheSameNameAtTheSameAccountOnly() {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account account = this.customers.account(rep, "Peoplefirm " + tag, null);
		Account other = this.customers.account(rep, "Otherfirm " + tag, null);
		Contact existing = this.customers.contact(rep, "Jean-Luc", "Picard" + tag, null, account.id());
		Viewer viewer = TestUsers.viewer(rep);

		assertThat(this.duplicates.forNewContact(viewer, null, "jean luc", "PICARD" + tag, account.id()))
			.singleElement()
			.satisfies(duplicate -> {
				assertThat(duplicate.id()).isEqualTo(existing.id());
				assertThat(duplicate.reason()).isEqualTo("NAME_IN_ACCOUNT");
				assertThat(duplicate.because()).isEqualTo("same name at this account");
			});
		assertThat(this.duplicates.forNewContact(viewer, null, "Jean-Luc", "Picard" + tag, other.id()))
			.as("the same name at another account")
			.isEmpty();
		assertThat(this.duplicates.forNewContact(viewer, null, "Jean-Luc", "Picard" + tag, null))
			.as("the same name at no account")
			.isEmpty();
	}

	@Test
	void aRecordTheUserMayNotSeeIsSaidToExistButNeverNamed() {
		User owner = this.users.create(Role.REP);
		User otherRep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		this.customers.account(owner, "Hidden " + tag + " GmbH", tag + ".example");
		Contact contact = this.customers.contact(owner, "Secret", "Person" + tag, "secret." + tag + "@example.com",
				null);
		// accounts and contacts are readable by everyone today; under a policy that
		// hides another rep's records, the warning keeps the name to itself
		AccessPolicy ownersOnly = AccessPolicy.ownerChainRecord(Accounts.RECORD_TYPE, Set.of(), Set.of());

		List<PossibleDuplicate> accounts = this.duplicates.forNewAccount(TestUsers.viewer(otherRep), ownersOnly,
				"Hidden " + tag, tag + ".example");
		List<PossibleDuplicate> contacts = this.duplicates.forNewContact(TestUsers.viewer(otherRep), ownersOnly,
				"secret." + tag + "@example.com", null, "Someone", null);

		assertThat(accounts).singleElement().satisfies(duplicate -> {
			assertThat(duplicate.hidden()).isTrue();
			assertThat(duplicate.id()).isNull();
			assertThat(duplicate.name()).isNull();
			assertThat(duplicate.reason()).isEqualTo("NAME+DOMAIN");
		});
		assertThat(contacts).singleElement().satisfies(duplicate -> {
			assertThat(duplicate.hidden()).isTrue();
			assertThat(duplicate.name()).isNull();
		});
		assertThat(this.duplicates.forNewContact(TestUsers.viewer(owner), ownersOnly, "secret." + tag + "@example.com",
				null, "Someone", null))
			.as("the owner sees it named")
			.extracting(PossibleDuplicate::id)
			.containsExactly(contact.id());
	}

	@Test
	void aKeySharedByTooManyRecordsWarnsOfNothingAsTheDetectionPairsNothingByIt() {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		CustomerDuplicates smallBlocks = new CustomerDuplicates(this.jdbc, this.visibility, 2);
		this.customers.contact(rep, "One", "Switchboard" + tag, "info@" + tag + ".example", null);
		assertThat(smallBlocks.forNewContact(TestUsers.viewer(rep), "info@" + tag + ".example", null, "Three", null))
			.hasSize(1);

		this.customers.contact(rep, "Two", "Switchboard" + tag, "info@" + tag + ".example", null);
		assertThat(smallBlocks.forNewContact(TestUsers.viewer(rep), "info@" + tag + ".example", null, "Three", null))
			.isEmpty();
	}

}
