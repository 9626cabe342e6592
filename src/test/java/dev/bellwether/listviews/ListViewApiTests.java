package dev.bellwether.listviews;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * {@code /api/v1/list-views}: the views a person may open, saved and changed with
 * optimistic locking, refusals as problem documents naming the field.
 */
@IntegrationTest
class ListViewApiTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void savesListsChangesAndDeletesAView() throws Exception {
		User rep = this.users.create(Role.REP);

		String created = this.mvc
			.perform(post("/api/v1/list-views").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"recordType": "opportunity", "name": "Big open deals",
						 "filters": {"status": "open", "owner": "me"},
						 "columns": [{"name": "name"}, {"name": "amount", "width": 140}],
						 "sort": "amount,desc", "pageSize": 50}
						"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/list-views/")))
			.andExpect(jsonPath("$.filters.status").value("open"))
			.andExpect(jsonPath("$.columns[1].width").value(140))
			.andExpect(jsonPath("$.sharing").value("PERSONAL"))
			.andExpect(jsonPath("$.standard").value(false))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode view = JSON.readTree(created);
		String id = view.get("id").asText();
		assertThat(view.get("link").asText()).isEqualTo("/opportunities?view=" + id);

		this.mvc.perform(get("/api/v1/list-views").param("recordType", "opportunity").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem("My open deals")))
			.andExpect(jsonPath("$[*].name", hasItem("Big open deals")));

		this.mvc
			.perform(put("/api/v1/list-views/" + id).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Big deals", "filters": {"status": "open"}, "version": 0}
						"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Big deals"))
			.andExpect(jsonPath("$.version").value(1));

		this.mvc
			.perform(put("/api/v1/list-views/" + id).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Lost update", "version": 0}
						"""))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.detail", containsString("changed by someone else")));

		this.mvc.perform(put("/api/v1/list-views/defaults/opportunity").param("viewId", id).with(TestUsers.basic(rep)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/list-views/" + id).with(TestUsers.basic(rep)))
			.andExpect(jsonPath("$.isDefault").value(true))
			.andExpect(jsonPath("$.name").value("Big deals"));

		this.mvc.perform(delete("/api/v1/list-views/" + id).with(TestUsers.basic(rep)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/list-views/" + id).with(TestUsers.basic(rep))).andExpect(status().isNotFound());
	}

	@Test
	void describesWhatEachListOffersAView() throws Exception {
		User rep = this.users.create(Role.REP);

		this.mvc.perform(get("/api/v1/list-views/lists").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].recordType", hasItem("opportunity")))
			.andExpect(jsonPath("$[?(@.recordType == 'opportunity')].filters[*].name", hasItem("closeFrom")))
			.andExpect(jsonPath("$[?(@.recordType == 'opportunity')].columns[?(@.name == 'amount')].sortProperty",
					hasItem("amount")))
			.andExpect(jsonPath("$[?(@.recordType == 'activity')].filters[?(@.name == 'kind')].choices[*]",
					hasItem("TASK")));
	}

	@Test
	void aViewSharedWithATeamYouDoNotLeadIsRefusedNamingTheField() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User otherManager = this.users.create(Role.MANAGER);

		this.mvc
			.perform(post("/api/v1/list-views").with(TestUsers.basic(manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"recordType": "account", "name": "Theirs", "sharing": "TEAM", "sharedTeamId": "%s"}
						""".formatted(otherManager.id())))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("sharedTeamId"))
			.andExpect(jsonPath("$.detail", containsString("you don't lead that team")));
		this.mvc.perform(get("/api/v1/list-views").param("recordType", "account").with(TestUsers.basic(manager)))
			.andExpect(jsonPath("$[*].name", not(hasItem("Theirs"))));
	}

	@Test
	void anUnknownOrRetiredFilterIsRefusedNamingIt() throws Exception {
		User rep = this.users.create(Role.REP);

		this.mvc
			.perform(post("/api/v1/list-views").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"recordType": "contact", "name": "Odd", "filters": {"shoeSize": "44"}}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("filters.shoeSize"))
			.andExpect(jsonPath("$.errors[0].message", containsString("no filter 'shoeSize'")));
		this.mvc
			.perform(post("/api/v1/list-views").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"recordType": "campaign", "name": "Campaigns"}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("recordType"));
	}

	@Test
	void anotherPersonsViewCannotBeChangedOrSeen() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User member = this.users.create(Role.REP, manager.id());
		User outsider = this.users.create(Role.REP);
		String created = this.mvc
			.perform(post("/api/v1/list-views").with(TestUsers.basic(manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"recordType": "activity", "name": "Team tasks", "filters": {"kind": "TASK"},
						 "sharing": "TEAM", "sharedTeamId": "%s"}
						""".formatted(manager.id())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JSON.readTree(created).get("id").asText();

		this.mvc.perform(get("/api/v1/list-views/" + id).with(TestUsers.basic(member))).andExpect(status().isOk());
		this.mvc
			.perform(put("/api/v1/list-views/" + id).with(TestUsers.basic(member))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Mine now", "version": 0}
						"""))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("only its owner")));
		this.mvc.perform(delete("/api/v1/list-views/" + id).with(TestUsers.basic(member)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/list-views/" + id).with(TestUsers.basic(outsider)))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));
	}

}
