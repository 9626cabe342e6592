package dev.bellwether.customers;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AccountApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void createsReadsAndUpdatesAnAccount() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = this.mvc.perform(
				post("/api/v1/accounts").with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
						{"name": "Globex", "website": "https://www.globex.example", "country": "US", "employees": 250}
						"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.domain").value("globex.example"))
			.andExpect(jsonPath("$.ownerId").value(rep.id().toString()))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getHeader("Location");

		this.mvc.perform(get(location).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Globex"));

		this.mvc.perform(put(location).with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Globex Corporation", "country": "US", "version": 0}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Globex Corporation"))
			.andExpect(jsonPath("$.version").value(1));
	}

	@Test
	void staleVersionIsAConflict() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Initech\"}"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Initech 2\", \"version\": 0}"))
			.andExpect(status().isOk());

		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Initech 3\", \"version\": 0}"))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.status").value(409));
	}

	@Test
	void invalidFieldsAreNamed() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"\", \"country\": \"XX\", \"employees\": -5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("Enter the account's name."))
			.andExpect(jsonPath("$.errors[?(@.field == 'employees')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'country')]").exists());
	}

	@Test
	void malformedJsonNamesTheProblem() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Umbrella\", \"employees\": \"many\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("employees")));
	}

}
