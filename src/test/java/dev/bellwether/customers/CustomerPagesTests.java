package dev.bellwether.customers;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.RecordNotFoundException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The contact and recycle-bin pages, driven as a signed-in browser would: form sign-in, a
 * session, CSRF tokens on every POST.
 */
@IntegrationTest
class CustomerPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Test
	void listsContacts() throws Exception {
		User rep = this.users.create(Role.REP);
		String lastName = unique("Listed");
		createContact(rep, lastName, null);

		this.mvc.perform(get("/contacts").param("q", lastName).with(signedIn(rep)))
			.andExpect(status().isOk())
			.andExpect(view().name("customers/contacts"))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString(lastName)))
			.andExpect(content().string(containsString("id=\"contacts-table\"")));
	}

	@Test
	void htmxRequestForTheResultsGetsOnlyTheFragment() throws Exception {
		User rep = this.users.create(Role.REP);
		String lastName = unique("Fragment");
		createContact(rep, lastName, null);

		this.mvc
			.perform(get("/contacts").param("q", lastName)
				.header("HX-Request", "true")
				.header("HX-Target", "results")
				.with(signedIn(rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("id=\"results\"")))
			.andExpect(content().string(containsString(lastName)));

		this.mvc
			.perform(get("/contacts").param("q", unique("nobody-has-this-name"))
				.header("HX-Request", "true")
				.header("HX-Target", "results")
				.with(signedIn(rep)))
			.andExpect(content().string(containsString("No contact matches these filters.")));
	}

	@Test
	void newContactFormPreselectsTheAccount() throws Exception {
		User rep = this.users.create(Role.REP);
		Account account = this.accounts.create(TestUsers.viewer(rep), account(unique("Preselected"), rep));

		this.mvc.perform(get("/contacts/new").param("account", account.id().toString()).with(signedIn(rep)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("form",
					org.hamcrest.Matchers.hasProperty("accountId", org.hamcrest.Matchers.is(account.id()))))
			.andExpect(content().string(containsString("value=\"" + account.name() + "\"")));
	}

	@Test
	void invalidContactFormIsShownAgainWithTheMessageAndNothingIsSaved() throws Exception {
		User rep = this.users.create(Role.REP);
		String firstName = unique("Invalid");

		this.mvc
			.perform(post("/contacts").param("firstName", firstName)
				.param("lastName", "")
				.param("email", "pepper@stark.example")
				.param("ownerId", rep.id().toString())
				.with(csrf())
				.with(signedIn(rep)))
			.andExpect(status().isOk())
			.andExpect(view().name("customers/contact-form"))
			.andExpect(model().attributeHasFieldErrors("form", "lastName"))
			.andExpect(content().string(containsString("s last name.")))
			.andExpect(content().string(containsString("is-invalid")))
			.andExpect(content().string(containsString("value=\"" + firstName + "\"")));

		assertThat(this.contacts
			.list(TestUsers.viewer(rep), new ContactFilter(firstName, null, null), PageRequest.of(0, 5))
			.getTotalElements()).isZero();
	}

	@Test
	void aRepCannotEditAnotherRepsContactButTheirManagerCan() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User owner = this.users.create(Role.REP, manager.id());
		User colleague = this.users.create(Role.REP, manager.id());
		Contact contact = createContact(owner, unique("Guarded"), null);

		this.mvc
			.perform(post("/contacts/" + contact.id()).param("lastName", contact.lastName())
				.param("title", "Changed by a colleague")
				.param("ownerId", owner.id().toString())
				.param("version", "0")
				.with(csrf())
				.with(signedIn(colleague)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/contacts/" + contact.id() + "/edit").with(signedIn(colleague)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/contacts/" + contact.id()).with(signedIn(colleague)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"edit-contact\""))));

		this.mvc
			.perform(post("/contacts/" + contact.id()).param("lastName", contact.lastName())
				.param("title", "Changed by the manager")
				.param("ownerId", owner.id().toString())
				.param("version", "0")
				.with(csrf())
				.with(signedIn(manager)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/contacts/" + contact.id()));

		assertThat(this.contacts.get(TestUsers.viewer(owner), contact.id()).title())
			.isEqualTo("Changed by the manager");
	}

	@Test
	void staleEditShowsTheConflictAndAReloadLink() throws Exception {
		User rep = this.users.create(Role.REP);
		Contact contact = createContact(rep, unique("Stale"), null);
		this.contacts.update(TestUsers.viewer(rep), contact.id(), 0,
				new ContactDetails(null, contact.lastName(), "Changed elsewhere", null, null, null, null, rep.id()));

		this.mvc
			.perform(post("/contacts/" + contact.id()).param("lastName", contact.lastName())
				.param("title", "My change")
				.param("ownerId", rep.id().toString())
				.param("version", "0")
				.with(csrf())
				.with(signedIn(rep)))
			.andExpect(status().isOk())
			.andExpect(view().name("customers/contact-form"))
			.andExpect(content().string(containsString("changed by someone else")))
			.andExpect(content().string(containsString("id=\"reload-contact\"")));
		assertThat(this.contacts.get(TestUsers.viewer(rep), contact.id()).title()).isEqualTo("Changed elsewhere");
	}

	@Test
	void deletedContactIsRestoredFromTheRecycleBin() throws Exception {
		User rep = this.users.create(Role.REP);
		Contact contact = createContact(rep, unique("Binned"), null);

		this.mvc.perform(post("/contacts/" + contact.id() + "/delete").with(csrf()).with(signedIn(rep)))
			.andExpect(redirectedUrl("/contacts"))
			.andExpect(flash().attribute("flashSuccess", containsString("moved to the recycle bin")));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.contacts.get(TestUsers.viewer(rep), contact.id()));

		this.mvc.perform(get("/recycle-bin").with(signedIn(rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(contact.lastName())))
			.andExpect(content().string(containsString("/recycle-bin/contacts/" + contact.id() + "/restore")))
			.andExpect(content().string(not(containsString("/recycle-bin/contacts/" + contact.id() + "/purge"))));

		this.mvc.perform(post("/recycle-bin/contacts/" + contact.id() + "/restore").with(csrf()).with(signedIn(rep)))
			.andExpect(redirectedUrl("/recycle-bin"))
			.andExpect(flash().attribute("flashSuccess", containsString("restored")));
		assertThat(this.contacts.get(TestUsers.viewer(rep), contact.id()).isDeleted()).isFalse();
	}

	@Test
	void onlyAnAdministratorIsOfferedToDeleteForever() throws Exception {
		User rep = this.users.create(Role.REP);
		User admin = this.users.create(Role.ADMIN);
		Contact contact = createContact(rep, unique("Purged"), null);
		this.contacts.delete(TestUsers.viewer(rep), contact.id());
		String purge = "/recycle-bin/contacts/" + contact.id() + "/purge";

		this.mvc.perform(post(purge).with(csrf()).with(signedIn(rep))).andExpect(status().isForbidden());
		this.mvc.perform(get("/recycle-bin").with(signedIn(admin)))
			.andExpect(content().string(containsString(purge)))
			.andExpect(content().string(containsString("data-confirm=\"Delete " + contact.fullName() + " for good?")));
		this.mvc.perform(post(purge).with(csrf()).with(signedIn(admin)))
			.andExpect(redirectedUrl("/recycle-bin"))
			.andExpect(flash().attribute("flashSuccess", containsString("deleted for good")));
		this.mvc.perform(get("/recycle-bin").with(signedIn(admin)))
			.andExpect(content().string(not(containsString(contact.lastName()))));
	}

	private Contact createContact(User owner, String lastName, UUID accountId) {
		return this.contacts.create(TestUsers.viewer(owner),
				new ContactDetails("Test", lastName, null, null, null, null, accountId, owner.id()));
	}

	private static AccountDetails account(String name, User owner) {
		return new AccountDetails(name, null, null, null, null, null, null, null, null, null, null, null, owner.id(),
				null);
	}

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Signs the user in through the login form, as a browser does, and sends the session
	 * that created with the request: the pages resolve the viewer from the application's
	 * own principal, which a mocked security context would not have.
	 */
	private RequestPostProcessor signedIn(User user) throws Exception {
		MvcResult login = this.mvc.perform(formLogin("/login").user(user.username()).password(TestUsers.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie sessionCookie = login.getResponse().getCookie("SESSION");
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
		return request -> {
			if (sessionCookie != null) {
				request.setCookies(sessionCookie);
			}
			else {
				request.setSession(session);
			}
			return request;
		};
	}

}
