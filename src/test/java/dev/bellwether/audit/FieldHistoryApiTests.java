package dev.bellwether.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.RecordChanged;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.bellwether.platform.SqlValues.utc;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Field history through the API and the History card of record pages, on the whole
 * application: changes made through the accounts API arrive in the history (after commit,
 * asynchronously), and only viewers who may read the record see its history.
 */
@IntegrationTest
class FieldHistoryApiTests {

	private static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	TestUsers users;

	@Autowired
	FieldHistory history;

	@Autowired
	FieldHistoryRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	private String createAccount(User user, String json) throws Exception {
		return this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	private static UUID idOf(String location) {
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private void awaitHistory(String recordType, UUID id, long rows) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.history.of(recordType, id, PageRequest.of(0, 1)).getTotalElements() >= rows);
	}

	@Test
	void updatingAnAccountThroughTheApiRecordsEachChangedFieldWithOldAndNewValues() throws Exception {
		// a manager gives the account to one of their reps (a rep may not give records
		// away)
		User manager = this.users.create(Role.MANAGER);
		User colleague = this.users.create(Role.REP, manager.id());
		String location = createAccount(manager, """
				{"name": "Hooli", "phone": "+1 555 0100", "country": "US"}
				""");
		UUID id = idOf(location);
		// created: name, phone, country and owner (the caller)
		awaitHistory("account", id, 4);

		this.mvc
			.perform(put(location).with(TestUsers.basic(manager)).contentType(MediaType.APPLICATION_JSON).content("""
					{"name": "Hooli XYZ", "phone": "+1 555 0100", "country": "DE", "ownerId": "%s", "version": 0}
					""".formatted(colleague.id())))
			.andExpect(status().isOk());
		awaitHistory("account", id, 7);

		this.mvc.perform(get("/api/v1/accounts/{id}/history", id).with(TestUsers.basic(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(7))
			.andExpect(jsonPath("$.content[0].kind").value("UPDATED"))
			.andExpect(jsonPath("$.content[0].field").value("name"))
			.andExpect(jsonPath("$.content[0].label").value("Name"))
			.andExpect(jsonPath("$.content[0].oldValue").value("Hooli"))
			.andExpect(jsonPath("$.content[0].newValue").value("Hooli XYZ"))
			.andExpect(jsonPath("$.content[0].changedBy").value(manager.id().toString()))
			.andExpect(jsonPath("$.content[0].changedByName").value(manager.fullName()))
			.andExpect(jsonPath("$.content[1].field").value("country"))
			.andExpect(jsonPath("$.content[1].oldValue").value("US"))
			.andExpect(jsonPath("$.content[1].newValue").value("DE"))
			.andExpect(jsonPath("$.content[2].field").value("ownerId"))
			.andExpect(jsonPath("$.content[2].oldValue").value(manager.id().toString()))
			.andExpect(jsonPath("$.content[2].oldText").value(manager.fullName()))
			.andExpect(jsonPath("$.content[2].newText").value(colleague.fullName()))
			.andExpect(jsonPath("$.content[3].kind").value("CREATED"))
			.andExpect(jsonPath("$.content[?(@.field == 'phone')].newValue").value("+1 555 0100"));
	}

	@Test
	void historyIsPagedNewestFirstOrOldestFirstOnRequest() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = createAccount(rep, "{\"name\": \"Pied Piper\"}");
		UUID id = idOf(location);
		this.mvc
			.perform(put(location).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Pied Piper Inc\", \"version\": 0}"))
			.andExpect(status().isOk());
		awaitHistory("account", id, 3);

		this.mvc.perform(get("/api/v1/accounts/{id}/history", id).param("size", "1").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.content[0].newValue").value("Pied Piper Inc"))
			.andExpect(jsonPath("$.page.totalPages").value(3));
		this.mvc
			.perform(get("/api/v1/accounts/{id}/history", id).param("sort", "changedAt,asc").with(TestUsers.basic(rep)))
			.andExpect(jsonPath("$.content[0].kind").value("CREATED"));
		this.mvc.perform(get("/api/v1/accounts/{id}/history", id).param("sort", "field").with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
	}

	@Test
	void contactHistoryAndWholeRecordChanges() throws Exception {
		User rep = this.users.create(Role.REP);
		String contact = this.mvc
			.perform(post("/api/v1/contacts").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"firstName\": \"Gavin\", \"lastName\": \"Belson\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID id = idOf(contact);
		this.mvc.perform(delete(contact).with(TestUsers.basic(rep))).andExpect(status().isNoContent());
		this.mvc.perform(post(contact + "/restore").with(TestUsers.basic(rep))).andExpect(status().isOk());
		awaitHistory("contact", id, 4);

		this.mvc.perform(get("/api/v1/contacts/{id}/history", id).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].kind").value("RESTORED"))
			.andExpect(jsonPath("$.content[0].field").doesNotExist())
			.andExpect(jsonPath("$.content[0].label").value("Restored from the recycle bin"))
			.andExpect(jsonPath("$.content[1].kind").value("DELETED"));
	}

	@Test
	void unknownRecordsAndRecordsInTheRecycleBinAreNotFound() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/api/v1/accounts/{id}/history", UUID.randomUUID()).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/contacts/{id}/history", UUID.randomUUID()).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/opportunities/{id}/field-history", UUID.randomUUID()).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/accounts/not-an-id/history").with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound());

		String location = createAccount(rep, "{\"name\": \"Binned\"}");
		this.mvc.perform(delete(location).with(TestUsers.basic(rep))).andExpect(status().isNoContent());
		this.mvc.perform(get(location + "/history").with(TestUsers.basic(rep))).andExpect(status().isNotFound());
	}

	@Test
	void anOpportunitysFieldHistoryIsSeenOnlyByThoseWhoSeeTheDeal() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User owner = this.users.create(Role.REP, manager.id());
		User peer = this.users.create(Role.REP, manager.id());
		User executive = this.users.create(Role.EXECUTIVE);
		UUID deal = opportunity(owner);
		this.recorder.record(new RecordChanged("opportunity", deal, ChangeKind.UPDATED, owner.id(),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS),
				List.of(new FieldChange("nextStep", null, "Demo"))));

		for (User reader : List.of(owner, manager, executive)) {
			this.mvc.perform(get("/api/v1/opportunities/{id}/field-history", deal).with(TestUsers.basic(reader)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.content[0].field").value("nextStep"))
				.andExpect(jsonPath("$.content[0].newValue").value("Demo"));
		}
		this.mvc.perform(get("/api/v1/opportunities/{id}/field-history", deal).with(TestUsers.basic(peer)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/history/opportunity/{id}", deal).header("HX-Request", "true")
				.header("HX-Target", "field-history")
				.with(TestUsers.signIn(this.mvc, peer)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/history/opportunity/{id}", deal).header("HX-Request", "true")
				.header("HX-Target", "field-history")
				.with(TestUsers.signIn(this.mvc, manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Demo")));
	}

	@Test
	void theHistoryCardLoadsAsAFragmentAndTheSameUrlIsAPage() throws Exception {
		User rep = this.users.create(Role.REP);
		String location = createAccount(rep, "{\"name\": \"Raviga\", \"phone\": \"+1 555 0142\"}");
		UUID id = idOf(location);
		awaitHistory("account", id, 2);
		var session = TestUsers.signIn(this.mvc, rep);

		this.mvc.perform(get("/accounts/{id}", id).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"/history/account/" + id + "\"")))
			.andExpect(content().string(containsString("id=\"last-touched\"")));
		this.mvc
			.perform(get("/history/account/{id}", id).header("HX-Request", "true")
				.header("HX-Target", "field-history")
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("id=\"field-history\"")))
			.andExpect(content().string(containsString("+1 555 0142")));
		this.mvc.perform(get("/history/account/{id}", id).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("History of Raviga")));
		this.mvc.perform(get("/history/nonsense/{id}", id).with(session)).andExpect(status().isNotFound());
	}

	@Test
	void aRecordWithoutHistoryShowsAnEmptyState() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID id = UUID.randomUUID();
		// A record created by bulk import (no per-record events) has no history yet.
		this.jdbc.sql("""
				insert into accounts (id, name, owner_id, created_at, updated_at, last_touched_at, version)
				values (:id, 'Bulk Imported', :owner, now(), now(), now(), 0)
				""").param("id", id).param("owner", rep.id()).update();

		this.mvc
			.perform(get("/history/account/{id}", id).header("HX-Request", "true")
				.header("HX-Target", "field-history")
				.with(TestUsers.signIn(this.mvc, rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No changes recorded yet")));
	}

	private UUID opportunity(User owner) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into opportunities (id, name, account_id, owner_id, stage_id, currency, close_date, probability,
				  forecast_category, first_stage_id, first_forecast_category, last_touched_at, created_at, updated_at)
				values (:id, 'Audit deal', :account, :owner, :stage, 'USD', :closeDate, 10, 'PIPELINE', :stage,
				  'PIPELINE', :now, :now, :now)
				""")
			.param("id", id)
			.param("account", UUID.randomUUID())
			.param("owner", owner.id())
			.param("stage", PROSPECTING)
			.param("closeDate", LocalDate.now(this.clock).plusMonths(1))
			.param("now", utc(this.clock.instant()))
			.update();
		return id;
	}

}
