package dev.bellwether.platform.edit;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.internal.capture.UsageRecorder;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.StageChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One field of one record changed in place: through the owning module's update (history
 * recorded), validated as a full save, and a stale version answered with the other
 * person's change.
 */
@IntegrationTest
@RecordApplicationEvents
class InlineEditTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	InlineEdit edit;

	@Autowired
	Opportunities opportunities;

	@Autowired
	dev.bellwether.customers.Accounts accountService;

	@Autowired
	java.time.Clock clock;

	private EditFixtures fixtures;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UsageRecorder recorder;

	@Autowired
	ApplicationEvents events;

	private User manager;

	private User rep;

	private Opportunity deal;

	@BeforeEach
	void aDealOfARep() {
		this.fixtures = new EditFixtures(this.accountService, this.opportunities, this.clock);
		this.manager = this.users.create(Role.MANAGER);
		this.rep = this.users.create(Role.REP, this.manager.id());
		UUID account = this.fixtures.account(this.rep, "Inline Edit Ltd " + UUID.randomUUID());
		this.deal = this.fixtures.deal(this.rep, account, "Inline deal");
	}

	@Test
	void changesOneFieldThroughTheModuleWithStageAndFieldHistory() {
		LocalDate later = this.deal.closeDate().plusDays(10);

		FieldValue saved = this.edit.edit(this.rep.id(), "opportunity", this.deal.id(), "closeDate", later.toString(),
				this.deal.version());

		assertThat(saved.value()).isEqualTo(later.toString());
		assertThat(saved.version()).isEqualTo(this.deal.version() + 1);
		assertThat(saved.changedBy()).isEqualTo(this.rep.fullName());
		assertThat(this.opportunities.history(TestUsers.viewer(this.rep), this.deal.id())).first()
			.extracting(StageChange::toCloseDate)
			.isEqualTo(later);
		// the field history is written from this event (audit module)
		assertThat(this.events.stream(RecordChanged.class)
			.filter(e -> e.recordId().equals(this.deal.id()) && e.kind() == ChangeKind.UPDATED)).singleElement()
			.satisfies(e -> assertThat(e.changes()).extracting(FieldChange::field).containsExactly("closeDate"));
		this.recorder.flush();
		assertThat(usage(this.rep.id(), UsageKind.INLINE_EDIT)).isEqualTo(1);
	}

	@Test
	void aStageChosenFromTheListShowsItsNameAndTakesItsDefaults() {
		EditableField stage = this.edit.fields("opportunities")
			.stream()
			.filter(f -> f.name().equals("stageId"))
			.findFirst()
			.orElseThrow();
		EditableField.Option next = stage.options().get(1);

		FieldValue saved = this.edit.edit(this.rep.id(), "opportunities", this.deal.id(), "stageId", next.value(),
				this.deal.version());

		assertThat(saved.display()).isEqualTo(next.label());
		assertThat(this.opportunities.get(TestUsers.viewer(this.rep), this.deal.id()).stageName())
			.isEqualTo(next.label());
	}

	@Test
	void refusesAnInvalidValueWithTheFieldsMessageAndSavesNothing() {
		assertThatThrownBy(() -> this.edit.edit(this.rep.id(), "opportunity", this.deal.id(), "amount", "lots",
				this.deal.version()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("is not a number");
		assertThatThrownBy(
				() -> this.edit.edit(this.rep.id(), "opportunity", this.deal.id(), "amount", "-5", this.deal.version()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("can't be negative");
		assertThatThrownBy(() -> this.edit.edit(this.rep.id(), "opportunity", this.deal.id(), "closeDate", "",
				this.deal.version()))
			.isInstanceOf(InvalidInputException.class);
		assertThat(this.opportunities.get(TestUsers.viewer(this.rep), this.deal.id()).version())
			.isEqualTo(this.deal.version());
	}

	@Test
	void aStaleVersionIsAnsweredWithTheOtherPersonsChange() {
		this.edit.edit(this.manager.id(), "opportunity", this.deal.id(), "nextStep", "Call the CFO",
				this.deal.version());

		assertThatThrownBy(() -> this.edit.edit(this.rep.id(), "opportunity", this.deal.id(), "nextStep",
				"Send the proposal", this.deal.version()))
			.isInstanceOfSatisfying(FieldConflictException.class, conflict -> {
				assertThat(conflict.current().value()).isEqualTo("Call the CFO");
				assertThat(conflict.current().changedBy()).isEqualTo(this.manager.fullName());
				assertThat(conflict.current().version()).isEqualTo(this.deal.version() + 1);
			});
	}

	@Test
	void theApiAnswersTheNewValueAndA409WithTheCurrentOne() throws Exception {
		String body = this.mvc
			.perform(patch("/api/v1/opportunities/{id}/fields/amount", this.deal.id()).with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"25000\",\"version\":" + this.deal.version() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value("25000.00"))
			.andExpect(jsonPath("$.display").value("25,000"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JSON.readTree(body).get("version").asLong()).isEqualTo(this.deal.version() + 1);

		this.mvc
			.perform(patch("/api/v1/opportunities/{id}/fields/amount", this.deal.id()).with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"1\",\"version\":" + this.deal.version() + "}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.current.value").value("25000.00"))
			.andExpect(jsonPath("$.current.changedBy").value(this.rep.fullName()));

		this.mvc
			.perform(patch("/api/v1/opportunities/{id}/fields/amount", this.deal.id()).with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"abc\",\"version\":" + (this.deal.version() + 1) + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
	}

	@Test
	void pagesEditWithTheirSessionAndCsrfTokenAndOthersCannot() throws Exception {
		var session = TestUsers.signIn(this.mvc, this.rep);
		JsonNode fields = JSON.readTree(this.mvc.perform(get("/edit/fields/opportunities").with(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(fields.findValuesAsText("name")).contains("stageId", "amount", "closeDate", "ownerId", "nextStep");

		this.mvc
			.perform(patch("/edit/opportunities/{id}/fields/nextStep", this.deal.id()).with(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"Demo on Tuesday\",\"version\":" + this.deal.version() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.display").value("Demo on Tuesday"));

		User stranger = this.users.create(Role.REP);
		this.mvc
			.perform(patch("/api/v1/opportunities/{id}/fields/nextStep", this.deal.id()).with(TestUsers.basic(stranger))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"Mine now\",\"version\":" + (this.deal.version() + 1) + "}"))
			.andExpect(status().isNotFound());
	}

	private long usage(UUID userId, UsageKind kind) {
		return this.jdbc
			.sql("select count(*) from usage_events where user_id = :id and kind = :kind and module = 'sales'")
			.param("id", userId)
			.param("kind", kind.name())
			.query(Long.class)
			.single();
	}

}
