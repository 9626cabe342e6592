package dev.bellwether.platform.picklist;

import java.util.UUID;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/v1/pick-lists}: everyone signed in reads the lists; administrators and
 * sales administrators change them.
 */
@IntegrationTest
class PickListApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void anyoneSignedInReadsTheLists() throws Exception {
		User rep = this.users.create(Role.REP);

		this.mvc.perform(get("/api/v1/pick-lists").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem("industry")))
			.andExpect(jsonPath("$[*].name", hasItem("loss-reason")));
		this.mvc.perform(get("/api/v1/pick-lists/Country").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stores").value("KEY"))
			.andExpect(jsonPath("$.allowed", hasItem("DE")))
			.andExpect(jsonPath("$.values[?(@.key == 'DE')].label", hasItem("Germany")));
		this.mvc.perform(get("/api/v1/pick-lists/colours").with(TestUsers.basic(rep))).andExpect(status().isNotFound());
	}

	@Test
	void aSalesAdministratorAddsRenamesAndRetiresAValue() throws Exception {
		User salesAdmin = this.users.create(Role.SALES_ADMIN);

		this.mvc
			.perform(post("/api/v1/pick-lists/loss-reason/values").with(TestUsers.basic(salesAdmin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"label\": \"Acquired " + this.tag + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/pick-lists/loss-reason/values/acquired-" + this.tag))
			.andExpect(jsonPath("$.key").value("acquired-" + this.tag));
		this.mvc
			.perform(put("/api/v1/pick-lists/loss-reason/values/acquired-" + this.tag).with(TestUsers.basic(salesAdmin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"label\": \"Customer acquired " + this.tag + "\", \"retired\": true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.label").value("Customer acquired " + this.tag))
			.andExpect(jsonPath("$.retired").value(true));
		this.mvc.perform(get("/api/v1/pick-lists/loss-reason").with(TestUsers.basic(salesAdmin)))
			.andExpect(jsonPath("$.allowed", not(hasItem("Customer acquired " + this.tag))));
		this.mvc.perform(get("/api/v1/pick-lists/loss-reason/changes").with(TestUsers.basic(salesAdmin)))
			.andExpect(jsonPath("$[*].kind", hasItem("RENAMED")));
	}

	@Test
	void aDuplicateLabelIsABadRequest() throws Exception {
		User admin = this.users.create(Role.ADMIN);

		this.mvc
			.perform(post("/api/v1/pick-lists/industry/values").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"label\": \"TECHNOLOGY\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("label"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("already has the value 'Technology'")));
	}

	@Test
	void othersMayNotChangeTheLists() throws Exception {
		User rep = this.users.create(Role.REP);

		this.mvc
			.perform(post("/api/v1/pick-lists/industry/values").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"label\": \"Rep's own " + this.tag + "\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/pick-lists/industry/values/technology/move").param("direction", "1")
				.with(TestUsers.basic(rep)))
			.andExpect(status().isForbidden());
	}

}
