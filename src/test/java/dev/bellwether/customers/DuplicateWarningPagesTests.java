package dev.bellwether.customers;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The duplicate warning as people and integrations meet it: beside the new-account and
 * new-contact forms while typing, on saving (held back until the user says to create it
 * anyway), and in the API's check and its opt-in refusal.
 */
@IntegrationTest
class DuplicateWarningPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	TestCustomers customers;

	@Test
	void theAccountFormShowsThePossibleDuplicateWhileTyping() throws Exception {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account existing = this.customers.account(rep, "Acme " + tag + " Inc", tag + ".example");
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		this.mvc.perform(get("/accounts/new").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"duplicate-warning\"")))
			.andExpect(content().string(containsString("hx-get=\"/accounts/duplicates\"")))
			.andExpect(content().string(not(containsString("Possible duplicate"))));

		this.mvc
			.perform(get("/accounts/duplicates").param("name", "ACME " + tag + ", Inc.")
				.param("website", "www." + tag + ".example")
				.header("HX-Request", "true")
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("Possible duplicate:")))
			.andExpect(content().string(containsString("href=\"/accounts/" + existing.id() + "\"")))
			.andExpect(content().string(containsString(existing.name())))
			.andExpect(content().string(containsString("(same name, same domain " + tag + ".example)")))
			.andExpect(content().string(containsString("name=\"createAnyway\"")));

		this.mvc.perform(get("/accounts/duplicates").param("name", "Nothing like it " + tag).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Possible duplicate"))));
	}

	@Test
	void savingAPossibleDuplicateAccountShowsTheFormAgainUntilTheUserCreatesItAnyway() throws Exception {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account existing = this.customers.account(rep, "Globex " + tag + " Corporation", null);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		this.mvc.perform(newAccount(session, rep, "Globex " + tag).param("billingCity", "Cypress Creek"))
			.andExpect(status().isOk())
			.andExpect(view().name("customers/account-form"))
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(containsString(existing.name())))
			.andExpect(content().string(containsString("Nothing was saved yet")))
			.andExpect(content().string(containsString("value=\"Globex " + tag + "\"")))
			.andExpect(content().string(containsString("value=\"Cypress Creek\"")));
		assertThat(accountsNamed("Globex " + tag)).as("nothing created yet").isEqualTo(1);

		this.mvc
			.perform(newAccount(session, rep, "Globex " + tag).param("billingCity", "Cypress Creek")
				.param("createAnyway", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(accountsNamed("Globex " + tag)).isEqualTo(2);
	}

	@Test
	void savingAPossibleDuplicateContactShowsTheFormAgainUntilTheUserCreatesItAnyway() throws Exception {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account account = this.customers.account(rep, "Contactfirm " + tag, null);
		Contact existing = this.customers.contact(rep, "Hank", "Scorpio" + tag, "hank@" + tag + ".example",
				account.id());
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		this.mvc
			.perform(get("/contacts/duplicates").param("firstName", "hank")
				.param("lastName", "SCORPIO" + tag)
				.param("accountId", account.id().toString())
				.with(session))
			.andExpect(content().string(containsString("href=\"/contacts/" + existing.id() + "\"")))
			.andExpect(content().string(containsString("(same name at this account)")));

		this.mvc.perform(newContact(session, rep, "Henry", "Scorpio" + tag, "HANK@" + tag + ".example"))
			.andExpect(status().isOk())
			.andExpect(view().name("customers/contact-form"))
			.andExpect(model().attributeExists("duplicates"))
			.andExpect(content().string(containsString("(same e-mail address)")))
			.andExpect(content().string(containsString("value=\"Henry\"")));

		this.mvc
			.perform(newContact(session, rep, "Henry", "Scorpio" + tag, "HANK@" + tag + ".example")
				.param("createAnyway", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.contacts
			.list(TestUsers.viewer(rep), new ContactFilter("Scorpio" + tag, null, null), PageRequest.of(0, 10))
			.getTotalElements()).isEqualTo(2);
	}

	@Test
	void theApiChecksANewAccountAndRefusesAPossibleDuplicateOnlyWhenAsked() throws Exception {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account existing = this.customers.account(rep, "Initech " + tag + " LLC", null);

		this.mvc.perform(get("/api/v1/accounts/duplicates").param("name", "initech " + tag).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(existing.id().toString()))
			.andExpect(jsonPath("$[0].name").value(existing.name()))
			.andExpect(jsonPath("$[0].visible").value(true))
			.andExpect(jsonPath("$[0].reason").value("NAME"))
			.andExpect(jsonPath("$[0].score").value(0.95))
			.andExpect(jsonPath("$.length()").value(1));

		String body = "{\"name\": \"Initech " + tag + "\"}";
		this.mvc
			.perform(post("/api/v1/accounts").param("refuseDuplicates", "true")
				.with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Possible duplicate"))
			.andExpect(jsonPath("$.duplicates[0].id").value(existing.id().toString()));
		assertThat(accountsNamed("Initech " + tag)).isEqualTo(1);

		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated());
		assertThat(accountsNamed("Initech " + tag)).isEqualTo(2);
	}

	@Test
	void theApiChecksANewContactByEmailWhateverTheCase() throws Exception {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Contact existing = this.customers.contact(rep, "Pepper", "Potts" + tag, "pepper@" + tag + ".example", null);

		this.mvc
			.perform(get("/api/v1/contacts/duplicates").param("email", "PEPPER@" + tag + ".EXAMPLE")
				.with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(existing.id().toString()))
			.andExpect(jsonPath("$[0].reason").value("EMAIL"));

		this.mvc
			.perform(post("/api/v1/contacts").param("refuseDuplicates", "true")
				.with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"Potts\", \"email\": \"Pepper@" + tag + ".example\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.duplicates[0].reason").value("EMAIL"));
	}

	@Test
	void theOpenApiDocumentDescribesTheCheckAndTheRefusal() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/v3/api-docs").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/accounts/duplicates'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/contacts/duplicates'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/accounts'].post.responses['201']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/accounts'].post.responses['409']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/contacts'].post.responses['409']").exists());
	}

	/** The new-account form as the browser posts it. */
	private static MockHttpServletRequestBuilder newAccount(RequestPostProcessor session, User owner, String name) {
		return post("/accounts").with(session).with(csrf()).param("name", name).param("ownerId", owner.id().toString());
	}

	/** The new-contact form as the browser posts it. */
	private static MockHttpServletRequestBuilder newContact(RequestPostProcessor session, User owner, String firstName,
			String lastName, String email) {
		return post("/contacts").with(session)
			.with(csrf())
			.param("firstName", firstName)
			.param("lastName", lastName)
			.param("email", email)
			.param("ownerId", owner.id().toString());
	}

	private long accountsNamed(String name) {
		return this.accounts
			.list(TestUsers.viewer(this.users.create(Role.ADMIN)), new AccountFilter(name, null, null, null),
					PageRequest.of(0, 10))
			.getTotalElements();
	}

}
