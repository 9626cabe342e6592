package dev.bellwether;

import java.util.UUID;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.User;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Creates accounts and contacts for tests (an object mother), owned and created by the
 * given user. Tests sharing one database give them names with a {@link #tag()} of their
 * own.
 */
@Component
public class TestCustomers {

	private final ObjectProvider<Accounts> accounts;

	private final ObjectProvider<Contacts> contacts;

	/**
	 * Resolved lazily: module tests that leave out the customers module still load this
	 * class.
	 */
	public TestCustomers(ObjectProvider<Accounts> accounts, ObjectProvider<Contacts> contacts) {
		this.accounts = accounts;
		this.contacts = contacts;
	}

	public Account account(User owner, String name, String website) {
		return this.accounts.getObject()
			.create(TestUsers.viewer(owner), new AccountDetails(name, website, null, null, null, null, null, null, null,
					null, null, null, owner.id(), null));
	}

	public Contact contact(User owner, String firstName, String lastName, String email, UUID accountId) {
		return this.contacts.getObject()
			.create(TestUsers.viewer(owner),
					new ContactDetails(firstName, lastName, null, email, null, null, accountId, owner.id()));
	}

	/**
	 * @return letters and digits no other test uses, to put in names, domains and e-mail
	 * addresses
	 */
	public static String tag() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

}
