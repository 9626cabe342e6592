package dev.bellwether.sales;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may see and change a deal, role by role, through the API, the list and the pages:
 * the owner and everyone above the owner read and change it; executives read it; sales
 * administrators and administrators read and change it; a peer rep, another team's
 * manager, marketing and service don't even see it.
 */
@IntegrationTest
class OpportunityVisibilityTests {

	enum Actor {

		OWNER(true, true), OWNERS_MANAGER(true, true), OWNERS_MANAGERS_MANAGER(true, true), PEER_REP(false, false),
		OTHER_MANAGER(false, false), EXECUTIVE(true, false), SALES_ADMIN(true, true), ADMIN(true, true),
		MARKETING(false, false), SERVICE(false, false);

		final boolean reads;

		final boolean edits;

		Actor(boolean reads, boolean edits) {
			this.reads = reads;
			this.edits = edits;
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	record Setting(User owner, User actor, Opportunity deal) {
	}

	private Setting setting(Actor actor) {
		User director = this.users.create(Role.MANAGER);
		User manager = this.users.create(Role.MANAGER, director.id());
		User owner = this.users.create(Role.REP, manager.id());
		User acting = switch (actor) {
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
		UUID account = this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails("Vis Co " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
							null, null, null, owner.id(), null))
			.id();
		String name = "Secret deal " + UUID.randomUUID();
		Opportunity deal = this.opportunities.create(TestUsers.viewer(owner),
				new OpportunityDetails(name, account, null, owner.id(), SalesModuleTests.PROPOSAL,
						new BigDecimal("1000"), false, LocalDate.now(this.clock).plusDays(30), null, null, null, null,
						null, null));
		return new Setting(owner, acting, deal);
	}

	@ParameterizedTest(name = "{0} via API")
	@EnumSource(Actor.class)
	void apiFollowsTheRules(Actor actor) throws Exception {
		Setting s = setting(actor);
		String url = "/api/v1/opportunities/" + s.deal().id();

		this.mvc.perform(get(url).with(TestUsers.basic(s.actor())))
			.andExpect(actor.reads ? status().isOk() : status().isNotFound());
		this.mvc.perform(get("/api/v1/opportunities").param("q", s.deal().name()).with(TestUsers.basic(s.actor())))
			.andExpect(jsonPath("$.page.totalElements").value(actor.reads ? 1 : 0));
		this.mvc.perform(get(url + "/history").with(TestUsers.basic(s.actor())))
			.andExpect(actor.reads ? status().isOk() : status().isNotFound());
		this.mvc
			.perform(post(url + "/stage").with(TestUsers.basic(s.actor()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stageId\": \"" + SalesModuleTests.NEGOTIATION + "\", \"version\": 0}"))
			.andExpect(actor.edits ? status().isOk() : actor.reads ? status().isForbidden() : status().isNotFound());
	}

	@ParameterizedTest(name = "{0} via pages")
	@EnumSource(Actor.class)
	void pagesFollowTheRules(Actor actor) throws Exception {
		Setting s = setting(actor);
		Cookie session = signIn(s.actor());
		String url = "/opportunities/" + s.deal().id();

		this.mvc.perform(get(url).cookie(session)).andExpect(actor.reads ? status().isOk() : status().isNotFound());
		this.mvc.perform(get("/opportunities").param("q", s.deal().name()).cookie(session))
			.andExpect(actor.reads ? content().string(containsString("href=\"" + url + "\""))
					: content().string(not(containsString("href=\"" + url + "\""))));
		this.mvc.perform(get(url + "/edit").cookie(session))
			.andExpect(actor.edits ? status().isOk() : actor.reads ? status().isForbidden() : status().isNotFound());
		if (actor.reads) {
			this.mvc.perform(get(url).cookie(session))
				.andExpect(actor.edits ? content().string(containsString("id=\"edit-opportunity\""))
						: content().string(not(containsString("id=\"edit-opportunity\""))));
		}
		this.mvc.perform(post(url + "/delete").cookie(session).with(csrf()))
			.andExpect(actor.edits ? status().is3xxRedirection()
					: actor.reads ? status().isForbidden() : status().isNotFound());
	}

	private Cookie signIn(User user) throws Exception {
		return this.mvc.perform(formLogin("/login").user(user.username()).password(TestUsers.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

}
