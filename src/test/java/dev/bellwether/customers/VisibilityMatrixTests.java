package dev.bellwether.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may read and change accounts and contacts, role by role, through the API and the
 * pages: everyone reads them; only the owner, the owner's managers (at any depth), sales
 * administrators and administrators change them.
 */
@IntegrationTest
class VisibilityMatrixTests {

	enum Actor {

		OWNER(true), OWNERS_MANAGER(true), OWNERS_MANAGERS_MANAGER(true), PEER_REP(false), OTHER_MANAGER(false),
		EXECUTIVE(false), SALES_ADMIN(true), ADMIN(true), MARKETING(false), SERVICE(false);

		final boolean edits;

		Actor(boolean edits) {
			this.edits = edits;
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	record Team(User director, User manager, User owner, User actor) {
	}

	static Stream<Arguments> matrix() {
		List<Arguments> cases = new ArrayList<>();
		for (Actor actor : Actor.values()) {
			for (String type : List.of("accounts", "contacts")) {
				cases.add(Arguments.of(actor, type));
			}
		}
		return cases.stream();
	}

	private Team team(Actor actor) {
		User director = this.users.create(Role.MANAGER);
		User manager = this.users.create(Role.MANAGER, director.id());
		User owner = this.users.create(Role.REP, manager.id());
		User actingUser = switch (actor) {
			case OWNER -> owner;
			case OWNERS_MANAGER -> manager;
			case OWNERS_MANAGERS_MANAGER -> director;
			case PEER_REP -> this.users.create(Role.REP, manager.id());
			case OTHER_MANAGER -> this.users.create(Role.MANAGER, director.id());
			case EXECUTIVE -> this.users.create(Role.EXECUTIVE);
			case SALES_ADMIN -> this.users.create(Role.SALES_ADMIN);
			case ADMIN -> this.users.create(Role.ADMIN);
			case MARKETING -> this.users.create(Role.MARKETING);
			case SERVICE -> this.users.create(Role.SERVICE);
		};
		return new Team(director, manager, owner, actingUser);
	}

	private UUID record(String type, User owner) {
		if (type.equals("accounts")) {
			return this.accounts
				.create(TestUsers.viewer(owner),
						new AccountDetails("Matrix " + UUID.randomUUID(), null, null, null, null, null, null, null,
								null, null, null, null, owner.id(), null))
				.id();
		}
		return this.contacts
			.create(TestUsers.viewer(owner),
					new ContactDetails("Mat", "Rix " + UUID.randomUUID(), null, null, null, null, null, owner.id()))
			.id();
	}

	private static String updateBody(String type) {
		return type.equals("accounts") ? "{\"name\": \"Renamed\", \"version\": 0}"
				: "{\"lastName\": \"Renamed\", \"version\": 0}";
	}

	@ParameterizedTest(name = "{0} on {1} via API")
	@MethodSource("matrix")
	void apiFollowsTheRules(Actor actor, String type) throws Exception {
		Team team = team(actor);
		UUID id = record(type, team.owner());
		String url = "/api/v1/" + type + "/" + id;

		this.mvc.perform(get(url).with(TestUsers.basic(team.actor()))).andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/" + type).param("ownerId", team.owner().id().toString())
				.with(TestUsers.basic(team.actor())))
			.andExpect(jsonPath("$.page.totalElements").value(1));

		this.mvc
			.perform(put(url).with(TestUsers.basic(team.actor()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(updateBody(type)))
			.andExpect(actor.edits ? status().isOk() : status().isForbidden());
		this.mvc.perform(delete(url).with(TestUsers.basic(team.actor())))
			.andExpect(actor.edits ? status().isNoContent() : status().isForbidden());
		if (actor.edits) {
			this.mvc.perform(get(url).with(TestUsers.basic(team.actor()))).andExpect(status().isNotFound());
			this.mvc.perform(post(url + "/restore").with(TestUsers.basic(team.actor()))).andExpect(status().isOk());
		}
		this.mvc.perform(get(url).with(TestUsers.basic(team.actor()))).andExpect(status().isOk());
	}

	@ParameterizedTest(name = "{0} on {1} via pages")
	@MethodSource("matrix")
	void pagesFollowTheRules(Actor actor, String type) throws Exception {
		Team team = team(actor);
		UUID id = record(type, team.owner());
		Cookie session = signIn(team.actor());

		this.mvc.perform(get("/" + type + "/" + id).cookie(session)).andExpect(status().isOk());
		this.mvc.perform(get("/" + type + "/" + id + "/edit").cookie(session))
			.andExpect(actor.edits ? status().isOk() : status().isForbidden());
		this.mvc.perform(post("/" + type + "/" + id + "/delete").cookie(session).with(csrf()))
			.andExpect(actor.edits ? status().is3xxRedirection() : status().isForbidden());
	}

	private Cookie signIn(User user) throws Exception {
		return this.mvc.perform(formLogin("/login").user(user.username()).password(TestUsers.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

}
