package dev.bellwether.customers;

import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.StaleRecordException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customers module on its own (with the modules it depends on): every change is
 * published as a {@link RecordChanged} carrying who, when and what changed, and the
 * recycle bin keeps an account's contacts with it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class CustomersModuleTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	UserDirectory users;

	private Viewer rep() {
		String username = "module-rep-" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.users.create(new UserProfile(username, "Module Rep", username + "@test.example", null,
				Role.REP, null, null, null, null), "secret password", null);
		return new Viewer(user.id(), user.username(), user.fullName(), user.role());
	}

	private static AccountDetails account(String name, UUID owner) {
		return new AccountDetails(name, "https://" + name.toLowerCase().replace(" ", "") + ".example", "Retail", null,
				null, "Lyon", null, null, "FR", 40, null, null, owner, null);
	}

	@Test
	void creatingAnAccountPublishesEveryFieldSet(AssertablePublishedEvents events) {
		Viewer rep = rep();
		Account account = this.accounts.create(rep, account("Boulangerie", rep.id()));

		assertThat(events).contains(RecordChanged.class)
			.matching(e -> e.recordId().equals(account.id()) && e.kind() == ChangeKind.CREATED
					&& e.actorId().equals(rep.id())
					&& e.changes().contains(new FieldChange("billingCity", null, "Lyon"))
					&& e.changes().contains(new FieldChange("name", null, "Boulangerie")));
	}

	@Test
	void updatingPublishesOnlyTheFieldsThatChanged(AssertablePublishedEvents events) {
		Viewer rep = rep();
		Account account = this.accounts.create(rep, account("Fromagerie", rep.id()));
		AccountDetails changed = new AccountDetails("Fromagerie", account.website(), "Retail", null, null, "Paris",
				null, null, "FR", 40, null, null, rep.id(), null);

		this.accounts.update(rep, account.id(), account.version(), changed);

		assertThat(events).contains(RecordChanged.class)
			.matching(e -> e.recordId().equals(account.id()) && e.kind() == ChangeKind.UPDATED
					&& e.changes().equals(java.util.List.of(new FieldChange("billingCity", "Lyon", "Paris"))));
	}

	@Test
	void aStaleVersionNeverOverwritesAndWritesNothing() {
		Viewer rep = rep();
		Account account = this.accounts.create(rep, account("Patisserie", rep.id()));
		this.accounts.update(rep, account.id(), 0, account("Patisserie Fine", rep.id()));

		assertThatThrownBy(() -> this.accounts.update(rep, account.id(), 0, account("Lost Update", rep.id())))
			.isInstanceOf(StaleRecordException.class);
		assertThat(this.accounts.get(rep, account.id()).name()).isEqualTo("Patisserie Fine");
	}

	@Test
	void anAccountCannotBeItsOwnAncestor() {
		Viewer rep = rep();
		Account parent = this.accounts.create(rep, account("Holding", rep.id()));
		AccountDetails child = new AccountDetails("Subsidiary", null, null, null, null, null, null, null, null, null,
				null, parent.id(), rep.id(), null);
		Account subsidiary = this.accounts.create(rep, child);
		AccountDetails loop = new AccountDetails("Holding", null, null, null, null, null, null, null, null, null, null,
				subsidiary.id(), rep.id(), null);

		assertThatThrownBy(() -> this.accounts.update(rep, parent.id(), parent.version(), loop))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors()).containsKey("parentId"));
	}

	@Test
	void deletingAnAccountTakesItsContactsToTheBinAndRestoringBringsThemBack(AssertablePublishedEvents events) {
		Viewer rep = rep();
		Account account = this.accounts.create(rep, account("Chocolatier", rep.id()));
		Contact contact = this.contacts.create(rep, new ContactDetails("Jeanne", "Moreau", null,
				"jeanne@chocolatier.example", null, null, account.id(), rep.id()));

		this.accounts.delete(rep, account.id());

		assertThat(this.contacts.deleted(rep, org.springframework.data.domain.Pageable.ofSize(100)).getContent())
			.extracting(Contact::id)
			.contains(contact.id());
		assertThat(events).contains(RecordChanged.class)
			.matching(e -> e.recordId().equals(contact.id()) && e.kind() == ChangeKind.DELETED);

		this.accounts.restore(rep, account.id());

		assertThat(this.contacts.get(rep, contact.id()).accountId()).isEqualTo(account.id());
	}

	@Test
	void aContactNeedsALastNameAndAValidEmail() {
		Viewer rep = rep();
		assertThatThrownBy(() -> this.contacts.create(rep,
				new ContactDetails("Only", " ", null, "not-an-address", null, null, null, rep.id())))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors()).containsKeys("lastName", "email"));
	}

	@Test
	void aContactDeletedWithItsAccountIsRestoredOnlyWithIt() {
		Viewer rep = rep();
		Account account = this.accounts.create(rep, account("Confiserie", rep.id()));
		Contact contact = this.contacts.create(rep,
				new ContactDetails("Luc", "Martin", null, null, null, null, account.id(), rep.id()));
		this.accounts.delete(rep, account.id());

		assertThatThrownBy(() -> this.contacts.restore(rep, contact.id())).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Restore the account Confiserie first");
		assertThat(this.contacts.deleted(rep, org.springframework.data.domain.Pageable.ofSize(500)).getContent())
			.extracting(Contact::id)
			.contains(contact.id());
	}

}
