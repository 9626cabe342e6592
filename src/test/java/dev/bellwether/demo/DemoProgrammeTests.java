package dev.bellwether.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.programme.Champions;
import dev.bellwether.programme.Communications;
import dev.bellwether.programme.ProgrammeCharter;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.ProgrammeMessage.Channel;
import dev.bellwether.programme.PulseSurveys;
import dev.bellwether.programme.PulseSurveys.Stage;
import dev.bellwether.programme.RolloutWaves;
import dev.bellwether.programme.SteeringCommittee;
import dev.bellwether.programme.Wave;
import dev.bellwether.programme.WaveFigures;
import dev.bellwether.programme.WaveStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company's adoption programme under way ({@link DemoProgramme}), read through
 * the programme module's public services. The test profile seeds the demo without it (its
 * charter would show on every page of the classes that run after, and the programme's own
 * tests need its tables to themselves): this class seeds it — twice, to check that the
 * same seed and day give the same programme — and removes it afterwards. Expected figures
 * are computed here from the demo's own usage rows and answers.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoProgrammeTests {

	/** The programme's tables, children first. */
	static final List<String> TABLES = List.of("programme_committee_agenda_items", "programme_committee_attendance",
			"programme_committee_decisions", "programme_committee_actions", "programme_committee_meetings",
			"programme_committee_members", "programme_wave_overrides", "programme_wave_members",
			"programme_wave_people", "programme_waves", "programme_champion_flags", "programme_champions",
			"programme_champion_settings", "programme_message_deliveries", "programme_message_audiences",
			"programme_messages", "programme_survey_answers", "programme_survey_invitations", "programme_surveys",
			"programme_charter_acceptances", "programme_charter_dismissals", "programme_charter_version_roles",
			"programme_charter_versions", "programme_charter_draft_roles", "programme_charter_drafts");

	@Autowired
	DemoCompany demo;

	@Autowired
	DemoProgramme programme;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	ProgrammeLeads leads;

	@Autowired
	ProgrammeCharter charter;

	@Autowired
	SteeringCommittee committee;

	@Autowired
	RolloutWaves waves;

	@Autowired
	Champions champions;

	@Autowired
	Communications communications;

	@Autowired
	PulseSurveys surveys;

	Map<String, UUID> ids;

	DemoProgramme.Seeded seeded;

	String firstSnapshot;

	LocalDate day;

	@BeforeAll
	void seedTheDemoAndItsProgrammeTwice() {
		User admin = this.users.findByUsername("admin").orElseThrow();
		if (this.users.findByUsername("ceo").isEmpty()) {
			this.transactions.executeWithoutResult(status -> this.demo.seed(admin.id()));
		}
		this.ids = new HashMap<>();
		DemoPeople.all()
			.forEach(p -> this.ids.put(p.username(), this.users.findByUsername(p.username()).orElseThrow().id()));
		this.day = this.calendar.today();
		// whatever the programme's own tests left
		clearProgramme();
		this.seeded = this.transactions.execute(status -> this.programme.seed(Viewer.of(admin), this.ids, this.day));
		this.firstSnapshot = snapshot();
		clearProgramme();
		this.seeded = this.transactions.execute(status -> this.programme.seed(Viewer.of(admin), this.ids, this.day));
	}

	@AfterAll
	void removeTheProgramme() {
		clearProgramme();
	}

	void clearProgramme() {
		this.jdbc.update("delete from notifications where link like '/programme/pulse/%'");
		TABLES.forEach(table -> this.jdbc.update("delete from " + table));
		if (this.ids != null) {
			this.jdbc.update("delete from programme_leads where user_id = ?", this.ids.get(DemoProgramme.LEAD));
		}
	}

	Viewer viewer(String username) {
		return Viewer.of(this.users.find(this.ids.get(username)).orElseThrow());
	}

	/** What the programme is, without its ids (new on every seeding). */
	String snapshot() {
		List<String> rows = new ArrayList<>();
		rows.addAll(this.jdbc.query(
				"""
						select name, position, status, opened_at, closed_at, planned_start from programme_waves order by position
						""",
				(rs, row) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6))));
		rows.addAll(this.jdbc.query("""
				select m.held_on, m.title, a.text, a.due_on, a.status, a.done_at
				from programme_committee_meetings m left join programme_committee_actions a on a.meeting_id = m.id
				order by m.held_on, a.due_on, a.text
				""", (rs, row) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6))));
		rows.addAll(this.jdbc.query("""
				select u.username, c.team, c.created_at from programme_champions c join users u on u.id = c.user_id
				order by u.username""",
				(rs, row) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3))));
		rows.addAll(this.jdbc.query("select channel, send_on, title from programme_messages order by send_on, title",
				(rs, row) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3))));
		rows.addAll(this.jdbc.query("""
				select team, scores::text, created_at from programme_survey_answers order by team, scores::text
				""", (rs, row) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3))));
		rows.addAll(this.jdbc.query("select number, purpose, published_at from programme_charter_versions",
				(rs, row) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3))));
		return String.join("\n", rows);
	}

	@Test
	void theSameSeedAndDayGiveTheSameProgramme() {
		assertThat(snapshot()).isEqualTo(this.firstSnapshot).contains("Sales East");
	}

	@Test
	void marcusHaleLeadsTheProgrammeWithoutAnAdministrator() {
		assertThat(this.leads.isLead(viewer(DemoProgramme.LEAD))).isTrue();
		assertThat(this.leads.isLead(viewer("mgr.north"))).isFalse();
		assertThat(this.leads.list()).extracting(ProgrammeLeads.Lead::fullName).contains("Marcus Hale");
	}

	@Test
	void theCharterIsPublishedAndAcceptedByTheWavesThatPassed() {
		ProgrammeCharter.CharterVersion current = this.charter.current().orElseThrow();
		assertThat(current.number()).isEqualTo(1);
		assertThat(current.purpose()).contains("Bellwether");
		assertThat(this.charter.status(viewer("rep.north1")).acceptedCurrent()).isTrue();
		assertThat(this.charter.status(viewer("ceo")).acceptedCurrent()).isTrue();
		// East's people have not: the charter panel asks them at their next sign-in
		assertThat(this.charter.status(viewer("rep.east1")).acceptedCurrent()).isFalse();
		assertThat(this.charter.promptFor(viewer("rep.east1"))).isPresent();
	}

	@Test
	void theCommitteeHasPastMeetingsWithDecisionsAndActionsSomeOverdue() {
		Viewer lead = viewer(DemoProgramme.LEAD);
		List<SteeringCommittee.MeetingSummary> meetings = this.committee.meetings(lead);
		assertThat(meetings).hasSize(6);
		List<SteeringCommittee.MeetingSummary> past = meetings.stream()
			.filter(m -> m.heldOn().isBefore(this.day))
			.toList();
		assertThat(past).hasSize(5);
		for (SteeringCommittee.MeetingSummary summary : past) {
			SteeringCommittee.Meeting meeting = this.committee.meeting(lead, summary.id());
			assertThat(meeting.decisions()).as(meeting.title()).isNotEmpty();
			assertThat(meeting.actions()).as(meeting.title()).isNotEmpty();
			assertThat(meeting.attendance()).as(meeting.title()).anyMatch(SteeringCommittee.MeetingAttendee::attended);
		}
		// expected: the open actions due before today
		List<SteeringCommittee.Action> open = this.committee.openActions(lead);
		long overdue = open.stream().filter(a -> a.dueOn().isBefore(this.day)).count();
		assertThat(overdue).isEqualTo(3);
		assertThat(open.stream().filter(SteeringCommittee.Action::overdue).count()).isEqualTo(overdue);
		assertThat(open).anyMatch(a -> !a.overdue());
		assertThat(past.stream().mapToLong(SteeringCommittee.MeetingSummary::overdueActions).sum()).isEqualTo(3);
		assertThat(past.stream()
			.flatMap(m -> this.committee.meeting(lead, m.id()).actions().stream())
			.filter(a -> a.status() == SteeringCommittee.ActionStatus.DONE)).hasSize(4);
		SteeringCommittee.MeetingSummary next = this.committee.nextMeeting(lead).orElseThrow();
		assertThat(next.heldOn()).isAfter(this.day);
		assertThat(this.committee.meeting(lead, next.id()).agenda()).isNotEmpty();
		assertThat(this.committee.members(lead)).anyMatch(m -> m.sponsor() && m.userId().equals(this.ids.get("ceo")));
	}

	@Test
	void executivesNorthSouthAndWestPassedEastFailedItsAdoptionGateAfterItsManagerLapsed() {
		List<Wave> all = this.waves.list();
		assertThat(all).extracting(Wave::name)
			.containsExactly("Executives", "Sales North", "Sales South", "Sales West", "Sales East",
					"Service, marketing and operations");
		assertThat(all).extracting(Wave::status)
			.containsExactly(WaveStatus.PASSED, WaveStatus.PASSED, WaveStatus.PASSED, WaveStatus.PASSED,
					WaveStatus.FAILED, WaveStatus.PLANNED);
		for (Wave wave : all.subList(0, 4)) {
			WaveFigures figures = this.waves.figures(wave);
			assertThat(figures.gatesMet()).as(wave.name()).isTrue();
			assertThat(this.waves.overrides(wave.id())).isEmpty();
		}
		assertThat(this.waves.members(all.get(0).id())).containsExactlyInAnyOrder(this.ids.get("ceo"),
				this.ids.get("vp.sales"));
		Wave east = all.get(4);
		LocalDate closedOn = this.day.minusDays(DemoProgramme.WAVE_DAYS[4][1]);
		List<UUID> eastPeople = DemoProgramme.region("East").stream().map(this.ids::get).toList();
		assertThat(this.waves.members(east.id())).containsExactlyInAnyOrderElementsOf(eastPeople);
		WaveFigures figures = this.waves.figures(east);
		assertThat(figures.asOf()).isEqualTo(closedOn);
		assertThat(figures.gatesMet()).isFalse();
		WaveFigures.Gate adoption = figures.gates()
			.stream()
			.filter(g -> g.kind().equals("ADOPTION_RATE"))
			.findFirst()
			.orElseThrow();
		// independently: East's people with an active day in the 30 days ending on the
		// closing day
		Long active = this.jdbc.queryForObject("""
				select count(distinct user_id) from usage_daily
				where user_id = any(?::uuid[]) and active and day between ? and ?""", Long.class,
				"{" + String.join(",", eastPeople.stream().map(UUID::toString).toList()) + "}", closedOn.minusDays(29),
				closedOn);
		// the manager and two reps stopped before the 30 days began, the others were
		// fading out
		assertThat(active).isLessThanOrEqualTo(3);
		assertThat(adoption.met()).isFalse();
		assertThat(adoption.value()).isEqualTo((double) active / eastPeople.size());
		// the activation gate was met: East started well; its manager lapsed later
		assertThat(figures.gates()).filteredOn(g -> g.kind().equals("ACTIVATION")).allMatch(WaveFigures.Gate::met);
		LocalDate opened = this.day.minusDays(DemoProgramme.WAVE_DAYS[4][0]);
		LocalDate managerLastActive = this.jdbc.queryForObject(
				"select max(day) from usage_daily where user_id = ? and active", LocalDate.class,
				this.ids.get("mgr.east"));
		assertThat(managerLastActive).isAfter(opened).isBefore(closedOn);
		assertThat(managerLastActive).isBefore(this.day.minusDays(DemoUsage.MANAGER_STOPPED_DAYS_AGO));
		// the committee's decision quotes the failed gate as the figures have it
		SteeringCommittee.Meeting review = this.committee.meeting(viewer(DemoProgramme.LEAD),
				this.seeded.meetingIds().get(4));
		assertThat(review.decisions()).singleElement()
			.satisfies(d -> assertThat(d.text()).contains("adoption rate " + adoption.valueText()));
	}

	@Test
	void championsLeaveSalesEastBelowTheRatio() {
		Champions.Coverage coverage = this.champions.coverage();
		Map<String, Champions.TeamCoverage> teams = new HashMap<>();
		coverage.teams().forEach(t -> teams.put(t.team(), t));
		assertThat(coverage.peoplePerChampion()).isEqualTo(Champions.DEFAULT_PEOPLE_PER_CHAMPION);
		Champions.TeamCoverage east = teams.get("Sales East");
		assertThat(east.champions()).isZero();
		assertThat(east.people()).isEqualTo(6);
		assertThat(east.gap()).isTrue();
		assertThat(east.needed()).isEqualTo(1);
		for (String team : List.of("Sales North", "Sales South", "Sales West", "Service")) {
			assertThat(teams.get(team).gap()).as(team).isFalse();
			assertThat(teams.get(team).champions()).as(team).isEqualTo(1);
		}
	}

	@Test
	void oneMessageQueueRunsDryWithinFourteenDays() {
		List<Communications.Queue> queues = this.communications.queues(viewer(DemoProgramme.LEAD));
		assertThat(queues).filteredOn(Communications.Queue::runsDry).singleElement().satisfies(queue -> {
			assertThat(queue.channel()).isEqualTo(Channel.EMAIL);
			assertThat(queue.messages()).isNotEmpty();
			assertThat(queue.lastSendOn()).isBefore(this.communications.today().plusDays(Communications.RUN_DRY_DAYS));
			assertThat(queue.warning()).isEqualTo("E-mail queue runs dry in 6 days");
		});
		assertThat(queues).hasSize(Channel.values().length);
	}

	@Test
	void thePulseSurveyPutsEastsBarrierAtAbility() {
		// expected, from the answers given: per team, the share of answers of 3 or less
		// at
		// each stage, the largest first (the earliest stage on a tie)
		Map<String, Stage> expectedTop = new HashMap<>();
		Map<String, List<List<Integer>>> byTeam = new HashMap<>();
		DemoProgramme.ANSWERS.forEach((username, scores) -> byTeam.computeIfAbsent(
				DemoPeople.all().stream().filter(p -> p.username().equals(username)).findFirst().orElseThrow().team(),
				t -> new ArrayList<>())
			.add(scores));
		byTeam.forEach((team, answers) -> {
			Map<Stage, Long> barriers = new EnumMap<>(Stage.class);
			for (Stage stage : Stage.values()) {
				barriers.put(stage, answers.stream().filter(a -> a.get(stage.ordinal()) <= 3).count());
			}
			expectedTop.put(team, barriers.entrySet()
				.stream()
				.filter(e -> e.getValue() > 0)
				.max(Comparator.comparing(Map.Entry<Stage, Long>::getValue).thenComparing(e -> -e.getKey().ordinal()))
				.map(Map.Entry::getKey)
				.orElse(null));
		});
		assertThat(expectedTop.get("Sales East")).isEqualTo(Stage.ABILITY);
		PulseSurveys.Results results = this.surveys.results(viewer(DemoProgramme.LEAD), this.seeded.surveyId());
		assertThat(results.survey().asked()).isEqualTo(24);
		assertThat(results.survey().answered()).isEqualTo(24 - DemoProgramme.NOT_ANSWERED.size());
		assertThat(results.survey().closed()).isTrue();
		PulseSurveys.Group east = results.teams()
			.stream()
			.filter(g -> g.name().equals("Sales East"))
			.findFirst()
			.orElseThrow();
		assertThat(east.hidden()).isFalse();
		assertThat(east.answers()).isEqualTo(5);
		assertThat(east.topBarrier()).isEqualTo(Stage.ABILITY);
		assertThat(east.barrierShares().get(Stage.ABILITY)).isEqualTo(1.0);
		for (PulseSurveys.Group team : results.teams()) {
			assertThat(team.topBarrier()).as(team.name()).isEqualTo(expectedTop.get(team.name()));
		}
		assertThat(this.surveys.barriersByTeam(this.seeded.surveyId())).filteredOn(t -> t.team().equals("Sales East"))
			.singleElement()
			.extracting(PulseSurveys.TeamBarriers::topBarrier)
			.isEqualTo(Stage.ABILITY);
		// closed: nothing waits for the manager who did not answer
		assertThat(this.surveys.waitingFor(this.ids.get("mgr.east"))).isEmpty();
	}

}
