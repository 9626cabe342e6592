package dev.bellwether.marketing;

import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/v1/leads} and the lead pages on the whole application: the answers a client
 * gets (201, 400, 403, 404, 409 as problem documents), and who sees and changes a lead,
 * role by role, through the API, the list, the pages, the history and the export alike.
 */
@IntegrationTest
class LeadApiTests {

	enum Actor {

		OWNER(true, true), OWNERS_MANAGER(true, true), OWNERS_MANAGERS_MANAGER(true, true), PEER_REP(false, false),
		OTHER_MANAGER(false, false), EXECUTIVE(true, false), SALES_ADMIN(true, true), ADMIN(true, true),
		MARKETING(true, true), SERVICE(false, false);

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
	TestUsers users;

	@Autowired
	Leads leads;

	record Setting(User owner, User actor, Lead lead) {
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
		Lead lead = this.leads.create(TestUsers.viewer(owner),
				LeadsTests.lead("Hidden " + UUID.randomUUID(), owner.id()));
		return new Setting(owner, acting, lead);
	}

	@ParameterizedTest(name = "{0} via the API")
	@EnumSource(Actor.class)
	void theApiFollowsTheOwnerChain(Actor actor) throws Exception {
		Setting s = setting(actor);
		String url = "/api/v1/leads/" + s.lead().id();
		RequestPostProcessor as = TestUsers.basic(s.actor());

		this.mvc.perform(get(url).with(as)).andExpect(actor.reads ? status().isOk() : status().isNotFound());
		this.mvc.perform(get("/api/v1/leads").param("q", s.lead().lastName()).with(as))
			.andExpect(jsonPath("$.page.totalElements").value(actor.reads ? 1 : 0));
		this.mvc.perform(get("/api/v1/leads/export").param("format", "csv").param("q", s.lead().lastName()).with(as))
			.andExpect(status().isOk())
			.andExpect(actor.reads ? content().string(containsString(s.lead().lastName()))
					: content().string(not(containsString(s.lead().lastName()))));
		this.mvc
			.perform(put(url).with(as)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"Renamed\", \"status\": \"WORKING\", \"version\": 0}"))
			.andExpect(actor.edits ? status().isOk() : actor.reads ? status().isForbidden() : status().isNotFound());
		this.mvc.perform(delete(url).with(as))
			.andExpect(actor.edits ? status().isNoContent()
					: actor.reads ? status().isForbidden() : status().isNotFound());
	}

	@ParameterizedTest(name = "{0} via the pages")
	@EnumSource(Actor.class)
	void thePagesFollowTheOwnerChain(Actor actor) throws Exception {
		Setting s = setting(actor);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, s.actor());
		String url = "/leads/" + s.lead().id();

		this.mvc.perform(get(url).with(session)).andExpect(actor.reads ? status().isOk() : status().isNotFound());
		this.mvc.perform(get("/history/lead/" + s.lead().id()).with(session))
			.andExpect(actor.reads ? status().isOk() : status().isNotFound());
		this.mvc.perform(get("/leads").param("q", s.lead().lastName()).with(session))
			.andExpect(status().isOk())
			.andExpect(actor.reads ? content().string(containsString("href=\"" + url + "\""))
					: content().string(not(containsString("href=\"" + url + "\""))));
		this.mvc.perform(get(url + "/edit").with(session))
			.andExpect(actor.edits ? status().isOk() : actor.reads ? status().isForbidden() : status().isNotFound());
		this.mvc.perform(post(url + "/delete").with(session).with(csrf()))
			.andExpect(actor.edits ? status().is3xxRedirection()
					: actor.reads ? status().isForbidden() : status().isNotFound());
	}

	@Test
	void createsReadsUpdatesAndDeletesALead() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = this.mvc.perform(post("/api/v1/leads").with(TestUsers.basic(rep))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"firstName": "Grace", "lastName": "Hopper", "company": "Navy Labs", "email": "grace@navy.example",
					 "country": "US", "source": "Trade Show"}
					"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("NEW"))
			.andExpect(jsonPath("$.ownerId").value(rep.id().toString()))
			.andExpect(jsonPath("$.ownerName").value(rep.fullName()))
			.andExpect(jsonPath("$.fullName").value("Grace Hopper"))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getHeader("Location");

		this.mvc.perform(get(location).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.source").value("Trade Show"));
		this.mvc.perform(put(location).with(TestUsers.basic(rep)).contentType(MediaType.APPLICATION_JSON).content("""
				{"firstName": "Grace", "lastName": "Hopper", "status": "DISQUALIFIED",
				 "disqualifyReason": "Spam or fake details", "version": 0}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISQUALIFIED"))
			.andExpect(jsonPath("$.disqualifyReason").value("Spam or fake details"))
			.andExpect(jsonPath("$.company").doesNotExist())
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(delete(location).with(TestUsers.basic(rep))).andExpect(status().isNoContent());
		this.mvc.perform(get(location).with(TestUsers.basic(rep))).andExpect(status().isNotFound());
		this.mvc.perform(post(location + "/restore").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deletedAt").doesNotExist());
	}

	@Test
	void invalidFieldsAndAMissingReasonAreA400NamingThem() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc
			.perform(post("/api/v1/leads").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"\", \"email\": \"nope\", \"status\": \"DISQUALIFIED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.errors[?(@.field == 'lastName')].message").value("Enter the lead's last name."))
			.andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'disqualifyReason')].message")
				.value("Choose why the lead is disqualified."));
		this.mvc
			.perform(post("/api/v1/leads").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"Enum\", \"status\": \"LUKEWARM\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/leads").param("status", "LUKEWARM").with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'status')]").exists());
	}

	@Test
	void aStaleVersionIsA409AndAMissingOneA400() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = this.mvc
			.perform(post("/api/v1/leads").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"Versioned\"}"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"Versioned 2\", \"version\": 0}"))
			.andExpect(status().isOk());

		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"Versioned 3\", \"version\": 0}"))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.status").value(409));
		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"Versioned 3\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'version')]").exists());
	}

	@Test
	void aRepGivingALeadToSomeoneElseIsA403AndAnUnknownLeadA404() throws Exception {
		User rep = this.users.create(Role.REP);
		User other = this.users.create(Role.REP);
		this.mvc
			.perform(post("/api/v1/leads").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"Given\", \"ownerId\": \"" + other.id() + "\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(get("/api/v1/leads/" + UUID.randomUUID()).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void listsPageByCursorNewestFirst() throws Exception {
		User rep = this.users.create(Role.REP);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 1; i <= 3; i++) {
			this.leads.create(TestUsers.viewer(rep), LeadsTests.lead("Paged " + i + " " + tag, rep.id()));
		}
		String body = this.mvc
			.perform(get("/api/v1/leads").param("q", tag).param("size", "2").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(2))
			.andExpect(jsonPath("$.content[0].lastName").value("Paged 3 " + tag))
			.andExpect(jsonPath("$.page.totalElements").value(3))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String cursor = com.jayway.jsonpath.JsonPath.read(body, "$.page.nextCursor");

		this.mvc
			.perform(get("/api/v1/leads").param("q", tag)
				.param("size", "2")
				.param("cursor", cursor)
				.with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.content[0].lastName").value("Paged 1 " + tag));
	}

	@Test
	void marketingLandsOnTheirOwnHomeAndEveryoneButServiceHasLeadsInTheNavigation() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		this.mvc.perform(get("/").with(TestUsers.signIn(this.mvc, marketing)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"marketing-counters\"")));
		for (Role role : Role.values()) {
			this.mvc.perform(get("/accounts").with(TestUsers.signIn(this.mvc, this.users.create(role))))
				.andExpect(role == Role.SERVICE ? content().string(not(containsString("id=\"nav-leads\"")))
						: content().string(containsString("id=\"nav-leads\"")));
		}
	}

	@Test
	void theFormShowsErrorsInPlaceAndTheRecordPageAsksForAReason() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);
		this.mvc
			.perform(post("/leads").with(session)
				.with(csrf())
				.param("lastName", "")
				.param("email", "nope")
				.param("status", "NEW")
				.param("ownerId", rep.id().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the lead&#39;s last name.")))
			.andExpect(content().string(containsString("Enter an e-mail address such as name@example.com.")));

		Lead lead = this.leads.create(TestUsers.viewer(rep), LeadsTests.lead("Paged", rep.id()));
		this.mvc
			.perform(post("/leads/" + lead.id() + "/status").with(session)
				.with(csrf())
				.param("status", "DISQUALIFIED")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose why the lead is disqualified.")));
		this.mvc
			.perform(post("/leads/" + lead.id()).with(session)
				.with(csrf())
				.param("lastName", "Stale")
				.param("status", "NEW")
				.param("ownerId", rep.id().toString())
				.param("version", "7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Reload the latest version")));
	}

}
