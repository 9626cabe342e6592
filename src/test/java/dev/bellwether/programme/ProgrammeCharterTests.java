package dev.bellwether.programme;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The charter: published versions that never change, who accepted which version, a new
 * version asking everyone again, the panel on ordinary pages until accepted, and its API.
 */
@IntegrationTest
class ProgrammeCharterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	ProgrammeCharter charter;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The test database is shared by every test class of a run: a published charter would
	 * put its panel on every page of the classes that run after this one.
	 */
	@org.junit.jupiter.api.AfterEach
	void noCharterLeftBehind() {
		for (String table : java.util.List.of("programme_charter_acceptances", "programme_charter_dismissals",
				"programme_charter_version_roles", "programme_charter_versions", "programme_charter_draft_roles",
				"programme_charter_drafts")) {
			this.jdbc.sql("delete from " + table).update();
		}
	}

	private ProgrammeCharter.CharterVersion publish(User lead, String purpose) {
		Viewer viewer = Viewer.of(lead);
		ProgrammeCharter.Draft draft = this.charter.draft(viewer);
		Map<Role, String> wiifm = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			wiifm.put(role, "For " + role.label() + ": " + purpose);
		}
		ProgrammeCharter.Draft saved = this.charter.saveDraft(viewer,
				new ProgrammeCharter.CharterText(purpose, "Spreadsheets nobody trusts", "Forecast within 5%", wiifm),
				draft.version());
		return this.charter.publish(viewer, saved.version());
	}

	private void team(User user, String team) {
		this.jdbc.sql("update users set team = :team where id = :id")
			.param("team", team)
			.param("id", user.id())
			.update();
	}

	@Test
	void publishedVersionsAreKeptAndANewVersionNeedsAcceptingAgain() {
		User lead = this.testUsers.create(Role.ADMIN);
		User rep = this.testUsers.create(Role.REP);
		User manager = this.testUsers.create(Role.MANAGER);
		String team = "Charter team " + UUID.randomUUID();
		team(rep, team);
		team(manager, team);

		ProgrammeCharter.CharterVersion first = publish(lead, "One place for every deal");
		assertThat(this.charter.current()).get()
			.extracting(ProgrammeCharter.CharterVersion::number)
			.isEqualTo(first.number());
		assertThat(first.wiifm()).hasSize(Role.values().length)
			.containsEntry(Role.REP, "For Sales rep: One place for every deal");
		assertThat(first.publishedByName()).isEqualTo(lead.fullName());

		this.charter.accept(Viewer.of(rep), first.number());
		this.charter.accept(Viewer.of(rep), first.number()); // again: nothing changes
		assertThat(this.charter.status(Viewer.of(rep)).acceptedCurrent()).isTrue();
		assertThat(this.charter.status(Viewer.of(manager)).acceptedCurrent()).isFalse();
		assertThat(this.charter.acceptancesOf(rep.id())).extracting(ProgrammeCharter.Acceptance::versionNumber)
			.containsExactly(first.number());
		assertThat(teamRow(lead, team)).isEqualTo(new ProgrammeCharter.TeamAcceptance(team, 1, 2));

		ProgrammeCharter.CharterVersion second = publish(lead, "One place for every deal and case");
		assertThat(second.number()).isEqualTo(first.number() + 1);
		// the first version never changes
		assertThat(this.charter.version(first.number())).get()
			.extracting(ProgrammeCharter.CharterVersion::purpose)
			.isEqualTo("One place for every deal");
		assertThat(this.charter.history()).extracting(ProgrammeCharter.VersionSummary::number)
			.startsWith(second.number(), first.number());

		ProgrammeCharter.Status status = this.charter.status(Viewer.of(rep));
		assertThat(status.acceptedCurrent()).isFalse();
		assertThat(status.acceptance().versionNumber()).isEqualTo(first.number());
		assertThat(teamRow(lead, team)).isEqualTo(new ProgrammeCharter.TeamAcceptance(team, 0, 2));

		assertThatThrownBy(() -> this.charter.accept(Viewer.of(rep), first.number()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not the current charter");
		this.charter.accept(Viewer.of(rep), second.number());
		this.charter.accept(Viewer.of(manager), second.number());
		assertThat(this.charter.acceptancesOf(rep.id())).extracting(ProgrammeCharter.Acceptance::versionNumber)
			.containsExactly(second.number(), first.number());
		assertThat(teamRow(lead, team)).isEqualTo(new ProgrammeCharter.TeamAcceptance(team, 2, 2));

		// the overall count, computed independently: licensed people who accepted the
		// current version
		ProgrammeCharter.AcceptanceReport report = this.charter.report(Viewer.of(lead));
		long accepted = this.jdbc.sql("""
				select count(*) from users u join programme_charter_acceptances a on a.user_id = u.id
				join programme_charter_versions v on v.id = a.charter_version_id
				where v.number = :number and u.active and not u.integration_account and u.not_counted_reason is null
				""").param("number", second.number()).query(Long.class).single();
		long licensed = this.jdbc
			.sql("select count(*) from users where active and not integration_account and not_counted_reason is null")
			.query(Long.class)
			.single();
		assertThat(report.accepted()).isEqualTo(accepted);
		assertThat(report.licensed()).isEqualTo(licensed);
		assertThatThrownBy(() -> this.charter.report(Viewer.of(rep))).isInstanceOf(ForbiddenException.class);
	}

	private ProgrammeCharter.TeamAcceptance teamRow(User lead, String team) {
		return this.charter.report(Viewer.of(lead))
			.teams()
			.stream()
			.filter(row -> row.team().equals(team))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void publishingRefusesEmptyTextsAndOnlyLeadsEditTheDraft() {
		User lead = this.testUsers.create(Role.ADMIN);
		User rep = this.testUsers.create(Role.REP);
		Viewer viewer = Viewer.of(lead);
		ProgrammeCharter.Draft draft = this.charter.draft(viewer);
		Map<Role, String> wiifm = new EnumMap<>(Role.class);
		wiifm.put(Role.REP, "Less admin");
		ProgrammeCharter.Draft saved = this.charter.saveDraft(viewer,
				new ProgrammeCharter.CharterText("  ", "Pains", "", wiifm), draft.version());
		Integer before = this.charter.current().map(ProgrammeCharter.CharterVersion::number).orElse(null);

		assertThatThrownBy(() -> this.charter.publish(viewer, saved.version())).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.fieldErrors()).containsKeys("purpose", "payback", "wiifm.MANAGER")
					.doesNotContainKeys("pains", "wiifm.REP"));
		assertThat(this.charter.current().map(ProgrammeCharter.CharterVersion::number).orElse(null)).isEqualTo(before);
		assertThatThrownBy(() -> this.charter.draft(Viewer.of(rep))).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.charter.saveDraft(Viewer.of(rep),
				new ProgrammeCharter.CharterText("a", "b", "c", wiifm), saved.version()))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void theDraftFormShowsWhyItCannotBePublishedAndRepsCannotOpenIt() throws Exception {
		User lead = this.testUsers.create(Role.ADMIN);
		User rep = this.testUsers.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, lead);
		long version = this.charter.draft(Viewer.of(lead)).version();

		this.mvc
			.perform(post("/programme/charter/edit").param("version", Long.toString(version))
				.param("purpose", "")
				.param("pains", "Pains")
				.param("payback", "Payback")
				.param("intent", "publish")
				.with(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Say what the CRM is for before publishing the charter.")))
			.andExpect(content().string(containsString("is-invalid")));
		this.mvc.perform(get("/programme/charter/edit").with(TestUsers.signIn(this.mvc, rep)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aPersonWhoHasNotAcceptedSeesThePanelOnOrdinaryPagesUntilTheyAccept() throws Exception {
		User lead = this.testUsers.create(Role.ADMIN);
		User rep = this.testUsers.create(Role.REP);
		ProgrammeCharter.CharterVersion version = publish(lead, "Know every customer");
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		this.mvc.perform(get("/accounts").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"charter-prompt\"")))
			.andExpect(content().string(containsString("For Sales rep: Know every customer")));

		this.mvc
			.perform(post("/programme/charter/acceptance").param("version", Integer.toString(version.number()))
				.param("returnTo", "/accounts")
				.with(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/accounts"));
		this.mvc.perform(get("/accounts").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"charter-prompt\""))));
		this.mvc.perform(get("/programme/charter").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You accepted version " + version.number())));
	}

	@Test
	void notNowHidesThePanelButTheCharterStillAsksForAcceptance() throws Exception {
		User lead = this.testUsers.create(Role.ADMIN);
		User manager = this.testUsers.create(Role.MANAGER);
		ProgrammeCharter.CharterVersion version = publish(lead, "Forecasts from the system");
		RequestPostProcessor session = TestUsers.signIn(this.mvc, manager);

		this.mvc.perform(get("/accounts").with(session))
			.andExpect(content().string(containsString("id=\"charter-prompt\"")));
		this.mvc
			.perform(post("/programme/charter/dismissal").param("version", Integer.toString(version.number()))
				.param("returnTo", "//evil.example")
				.with(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/programme/charter"));
		this.mvc.perform(get("/accounts").with(session))
			.andExpect(content().string(not(containsString("id=\"charter-prompt\""))));
		this.mvc.perform(get("/programme/charter").with(session))
			.andExpect(content().string(containsString("id=\"accept-charter\"")));
		assertThat(this.charter.status(Viewer.of(manager)).acceptedCurrent()).isFalse();
	}

	@Test
	void theApiReadsAndAcceptsTheCharterAndShowsAcceptancesToLeadsOnly() throws Exception {
		User lead = this.testUsers.create(Role.ADMIN);
		User rep = this.testUsers.create(Role.REP);
		ProgrammeCharter.CharterVersion version = publish(lead, "Pipeline you can trust");

		this.mvc.perform(get("/api/v1/programme/charter").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.current.number").value(version.number()))
			.andExpect(jsonPath("$.yourWiifm").value("For Sales rep: Pipeline you can trust"))
			.andExpect(jsonPath("$.acceptedCurrent").value(false));

		this.mvc
			.perform(post("/api/v1/programme/charter/acceptance").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": " + (version.number() + 7) + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		this.mvc
			.perform(post("/api/v1/programme/charter/acceptance").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/programme/charter/acceptance").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": " + version.number() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(version.number()));
		this.mvc.perform(get("/api/v1/programme/charter").with(TestUsers.basic(rep)))
			.andExpect(jsonPath("$.acceptedCurrent").value(true));

		this.mvc.perform(get("/api/v1/programme/charter/acceptances").with(TestUsers.basic(rep)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/programme/charter/acceptances").with(TestUsers.basic(lead)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(version.number()))
			.andExpect(jsonPath("$.people[?(@.userId == '" + rep.id() + "')].accepted").value(true));
	}

	@Test
	void theProgrammePageSummarisesTheCharterForEachViewer() {
		User lead = this.testUsers.create(Role.ADMIN);
		User rep = this.testUsers.create(Role.REP);
		ProgrammeCharter.CharterVersion version = publish(lead, "Summaries");
		this.charter.accept(Viewer.of(rep), version.number());
		ProgrammeCharter.AcceptanceReport report = this.charter.report(Viewer.of(lead));

		assertThat(this.sections.stream().filter(s -> s.title().equals("Charter")).findFirst().orElseThrow())
			.satisfies(section -> {
				assertThat(section.visibleTo(Viewer.of(rep), false)).isTrue();
				assertThat(section.summary(Viewer.of(rep)))
					.isEqualTo("Version " + version.number() + " · you accepted it");
				assertThat(section.summary(Viewer.of(lead))).isEqualTo("Version " + version.number() + " · accepted by "
						+ report.accepted() + " of " + report.licensed());
			});
	}

	@Autowired
	java.util.List<ProgrammeSection> sections;

}
