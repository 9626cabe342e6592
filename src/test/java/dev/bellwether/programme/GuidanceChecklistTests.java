package dev.bellwether.programme;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The onboarding checklist completes itself from what the person really does: the sales
 * module's events for deals, the adoption module's captured usage for the forecast.
 */
@IntegrationTest
class GuidanceChecklistTests {

	static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	OnboardingChecklist checklist;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	java.util.List<ProgrammeSection> sections;

	@Test
	void aRepCreatingAndMovingADealCompletesTheFirstItems() throws Exception {
		User rep = this.testUsers.create(Role.REP);
		Viewer viewer = TestUsers.viewer(rep);
		OnboardingChecklist.Checklist before = this.checklist.checklist(viewer);
		assertThat(before.entries()).extracting(OnboardingChecklist.Entry::item)
			.containsExactly(ChecklistItem.DEAL_CREATED, ChecklistItem.STAGE_ADVANCED, ChecklistItem.ACTIVITY_LOGGED,
					ChecklistItem.FORECAST_VIEWED);
		assertThat(before.done()).isZero();

		Account account = this.accounts.create(viewer, new AccountDetails("Guidance Co " + UUID.randomUUID(), null,
				null, null, null, null, null, null, null, null, null, null, rep.id(), null));
		Opportunity deal = this.opportunities.create(viewer,
				new OpportunityDetails("Deal " + UUID.randomUUID(), account.id(), null, rep.id(), PROSPECTING,
						new BigDecimal("1000"), false,
						LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusDays(30), null, null, null, null,
						null, null));

		OnboardingChecklist.Checklist afterCreate = this.checklist.checklist(viewer);
		assertThat(entry(afterCreate, ChecklistItem.DEAL_CREATED).done()).isTrue();
		assertThat(entry(afterCreate, ChecklistItem.DEAL_CREATED).completion().source())
			.isEqualTo("RecordChanged opportunity CREATED");
		assertThat(entry(afterCreate, ChecklistItem.DEAL_CREATED).completion().recordId()).isEqualTo(deal.id());
		// creating a deal enters its first stage: no advance yet
		assertThat(entry(afterCreate, ChecklistItem.STAGE_ADVANCED).done()).isFalse();
		assertThat(afterCreate.summary()).isEqualTo("1 of 4 done");

		this.opportunities.changeStage(viewer, deal.id(), PROPOSAL, deal.version(), null);
		OnboardingChecklist.Checklist afterMove = this.checklist.checklist(viewer);
		assertThat(entry(afterMove, ChecklistItem.STAGE_ADVANCED).done()).isTrue();
		assertThat(entry(afterMove, ChecklistItem.STAGE_ADVANCED).completion().source())
			.isEqualTo("OpportunityStageChanged");
		assertThat(afterMove.summary()).isEqualTo("2 of 4 done");

		ProgrammeSection section = this.sections.stream()
			.filter(s -> s.path().equals("/programme/guidance"))
			.findFirst()
			.orElseThrow();
		assertThat(section.visibleTo(viewer, false)).isTrue();
		assertThat(section.summary(viewer)).contains("2 of 4 done");

		var session = TestUsers.signIn(this.mvc, rep);
		this.mvc.perform(get("/programme/guidance").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 of 4 done")))
			.andExpect(content().string(containsString("Create your first deal")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"tours-table\""))));
		this.mvc.perform(get("/api/v1/programme/guidance/checklist").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.summary").value("2 of 4 done"))
			.andExpect(jsonPath("$.items[0].item").value("DEAL_CREATED"))
			.andExpect(jsonPath("$.items[0].done").value(true))
			.andExpect(jsonPath("$.items[3].done").value(false));
	}

	@Test
	void viewingTheForecastCompletesItsItemFromCapturedUsage() {
		User manager = this.testUsers.create(Role.MANAGER);
		Viewer viewer = TestUsers.viewer(manager);
		assertThat(entry(this.checklist.checklist(viewer), ChecklistItem.FORECAST_VIEWED).done()).isFalse();

		LocalDate day = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(2);
		this.jdbc.sql("insert into usage_daily (user_id, day, active, features) values (:u, :d, true, :f)")
			.param("u", manager.id())
			.param("d", day)
			.param("f", new String[] { "forecasting:FORECAST_VIEW", "sales:VIEW" })
			.update();

		OnboardingChecklist.Entry forecast = entry(this.checklist.checklist(viewer), ChecklistItem.FORECAST_VIEWED);
		assertThat(forecast.done()).isTrue();
		assertThat(forecast.completion().source()).isEqualTo("usage forecasting:FORECAST_VIEW");
		assertThat(forecast.completion().at()).isEqualTo(day.atStartOfDay().toInstant(ZoneOffset.UTC));
	}

	@Test
	void eachRoleHasItsOwnItems() {
		assertThat(ChecklistItem.forRole(Role.MARKETING)).contains(ChecklistItem.LEAD_CONVERTED);
		assertThat(ChecklistItem.forRole(Role.SERVICE)).contains(ChecklistItem.CASE_RESOLVED);
		assertThat(ChecklistItem.forRole(Role.SERVICE)).doesNotContain(ChecklistItem.DEAL_CREATED);
	}

	private static OnboardingChecklist.Entry entry(OnboardingChecklist.Checklist list, ChecklistItem item) {
		return list.entries().stream().filter(e -> e.item() == item).findFirst().orElseThrow();
	}

}
