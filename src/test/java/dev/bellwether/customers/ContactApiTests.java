package dev.bellwether.customers;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

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

@IntegrationTest
class ContactApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void createsReadsAndUpdatesAContact() throws Exception {
		User rep = this.users.create(Role.REP);
		String accountId = createAccount(rep, "Stark Industries");
		String location = this.mvc.perform(
				post("/api/v1/contacts").with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
						{"firstName": "Pepper", "lastName": "Potts", "title": "CEO",
						 "email": "pepper@stark.example", "accountId": "%s"}
						""".formatted(accountId)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/contacts/")))
			.andExpect(jsonPath("$.fullName").value("Pepper Potts"))
			.andExpect(jsonPath("$.accountName").value("Stark Industries"))
			.andExpect(jsonPath("$.ownerId").value(rep.id().toString()))
			.andExpect(jsonPath("$.ownerName").value(rep.fullName()))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getHeader("Location");

		this.mvc.perform(get(location).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("pepper@stark.example"));

		this.mvc.perform(put(location).with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
				{"firstName": "Virginia", "lastName": "Potts", "title": "CEO", "accountId": "%s", "version": 0}
				""".formatted(accountId)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fullName").value("Virginia Potts"))
			.andExpect(jsonPath("$.email").doesNotExist())
			.andExpect(jsonPath("$.ownerId").value(rep.id().toString()))
			.andExpect(jsonPath("$.version").value(1));

		this.mvc
			.perform(get("/api/v1/contacts").param("accountId", accountId)
				.param("sort", "email,desc")
				.with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].fullName").value("Virginia Potts"));
	}

	@Test
	void staleVersionIsAConflict() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = createContact(rep, "Banner", null);
		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"Banner\", \"title\": \"Scientist\", \"version\": 0}"))
			.andExpect(status().isOk());

		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"Banner\", \"title\": \"Hulk\", \"version\": 0}"))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.status").value(409));
		this.mvc.perform(get(location).with(TestUsers.basic(rep))).andExpect(jsonPath("$.title").value("Scientist"));
	}

	@Test
	void updateWithoutVersionIsRefused() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = createContact(rep, "Odinson", null);
		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"Odinson\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
	}

	@Test
	void invalidFieldsAreNamed() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID unknownAccount = UUID.randomUUID();
		this.mvc.perform(
				post("/api/v1/contacts").with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
						{"firstName": "Nobody", "lastName": " ", "email": "not-an-address", "accountId": "%s"}
						""".formatted(unknownAccount)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'lastName')].message").value("Enter the contact's last name."))
			.andExpect(jsonPath("$.errors[?(@.field == 'email')].message")
				.value("Enter an e-mail address such as name@example.com."))
			.andExpect(jsonPath("$.errors[?(@.field == 'accountId')].message")
				.value("There is no account with id " + unknownAccount + "."));

		this.mvc.perform(get("/api/v1/contacts").param("q", "Nobody").with(TestUsers.basic(rep)))
			.andExpect(jsonPath("$.content[*].firstName", not(hasItem("Nobody"))));
	}

	@Test
	void unknownContactIsNotFound() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/contacts/" + UUID.randomUUID()).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(get("/api/v1/contacts/not-a-uuid").with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound());
	}

	@Test
	void deletedContactGoesToTheRecycleBinAndComesBack() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = createContact(rep, "Romanoff", null);
		String id = idOf(location);

		this.mvc.perform(delete(location).with(TestUsers.basic(rep))).andExpect(status().isNoContent());
		this.mvc.perform(get(location).with(TestUsers.basic(rep))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/contacts/deleted").param("size", "200").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].id", hasItem(id)));

		this.mvc.perform(post(location + "/restore").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deletedAt").doesNotExist());
		this.mvc.perform(get(location).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lastName").value("Romanoff"));
	}

	@Test
	void onlyAnAdministratorPurgesAContact() throws Exception {
		User rep = this.users.create(Role.REP);
		User admin = this.users.create(Role.ADMIN);
		String location = createContact(rep, "Barton", null);
		this.mvc.perform(delete(location).with(TestUsers.basic(rep))).andExpect(status().isNoContent());

		this.mvc.perform(delete(location + "/purge").with(TestUsers.basic(rep)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(delete(location + "/purge").with(TestUsers.basic(admin))).andExpect(status().isNoContent());

		this.mvc.perform(post(location + "/restore").with(TestUsers.basic(admin))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/contacts/deleted").param("size", "200").with(TestUsers.basic(admin)))
			.andExpect(jsonPath("$.content[*].id", not(hasItem(idOf(location)))));
	}

	@Test
	void contactsDeletedWithTheirAccountComeBackWithIt() throws Exception {
		User rep = this.users.create(Role.REP);
		String accountId = createAccount(rep, "Wayne Enterprises");
		String kept = createContact(rep, "Fox", accountId);
		String leftEarlier = createContact(rep, "Pennyworth", accountId);
		this.mvc.perform(delete(leftEarlier).with(TestUsers.basic(rep))).andExpect(status().isNoContent());

		this.mvc.perform(delete("/api/v1/accounts/" + accountId).with(TestUsers.basic(rep)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get(kept).with(TestUsers.basic(rep))).andExpect(status().isNotFound());

		this.mvc.perform(post("/api/v1/accounts/" + accountId + "/restore").with(TestUsers.basic(rep)))
			.andExpect(status().isOk());
		this.mvc.perform(get(kept).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accountName").value("Wayne Enterprises"));
		// a contact deleted on its own before stays in the recycle bin
		this.mvc.perform(get(leftEarlier).with(TestUsers.basic(rep))).andExpect(status().isNotFound());
	}

	private String createAccount(User owner, String name) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(owner))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"" + name + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private String createContact(User owner, String lastName, String accountId) throws Exception {
		return this.mvc
			.perform(post("/api/v1/contacts").with(TestUsers.basic(owner))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"" + lastName + "\", \"accountId\": "
						+ (accountId == null ? "null" : "\"" + accountId + "\"") + "}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	private static String idOf(String location) {
		return location.substring(location.lastIndexOf('/') + 1);
	}

}
