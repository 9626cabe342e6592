package dev.bellwether.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.programme.PulseSurveys.AnswerForm;
import dev.bellwether.programme.PulseSurveys.Group;
import dev.bellwether.programme.PulseSurveys.Kind;
import dev.bellwether.programme.PulseSurveys.Results;
import dev.bellwether.programme.PulseSurveys.Survey;
import dev.bellwether.programme.PulseSurveys.SurveyForm;
import dev.bellwether.programme.SteeringCommittee.AgendaItem;
import dev.bellwether.programme.SteeringCommittee.Meeting;
import dev.bellwether.programme.SteeringCommittee.MeetingDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pulse results by rollout wave (the wave kept with the answer when it is given), the
 * committee agenda's pulse barriers, and champions flagged on a negative answer: each
 * against figures worked out by hand from the test's own people, teams and waves. The
 * surveys, waves, champions and meetings a test creates it deletes.
 */
@IntegrationTest
class PulseWavesAndBarriersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PulseSurveys surveys;

	@Autowired
	RolloutWaves waves;

	@Autowired
	Champions champions;

	@Autowired
	SteeringCommittee committee;

	@Autowired
	PrivacyPolicy privacy;

	ProgrammeFixture fixture;

	User lead;

	Viewer leadViewer;

	final List<UUID> mySurveys = new ArrayList<>();

	final List<UUID> myWaves = new ArrayList<>();

	final List<UUID> myMeetings = new ArrayList<>();

	final List<UUID> myPeople = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.fixture = new ProgrammeFixture(this.testUsers, this.jdbc);
		// waves and champions are company-wide: start from none, as the other programme
		// tests do
		this.fixture.clearProgramme();
		this.lead = this.testUsers.create(Role.ADMIN);
		this.leadViewer = Viewer.of(this.lead);
		assertThat(this.privacy.minimumGroupSize()).isEqualTo(5);
	}

	@AfterEach
	void cleanUp() {
		for (UUID meeting : this.myMeetings) {
			for (String table : List.of("programme_committee_agenda_items", "programme_committee_attendance",
					"programme_committee_decisions", "programme_committee_actions")) {
				this.jdbc.sql("delete from " + table + " where meeting_id = :id").param("id", meeting).update();
			}
			this.jdbc.sql("delete from programme_committee_meetings where id = :id").param("id", meeting).update();
		}
		for (UUID survey : this.mySurveys) {
			this.jdbc.sql("delete from programme_survey_answers where survey_id = :id").param("id", survey).update();
			this.jdbc.sql("delete from programme_survey_invitations where survey_id = :id")
				.param("id", survey)
				.update();
			this.jdbc.sql("delete from programme_surveys where id = :id").param("id", survey).update();
		}
		for (UUID wave : this.myWaves) {
			this.jdbc.sql("delete from programme_waves where id = :id").param("id", wave).update();
		}
		if (!this.myPeople.isEmpty()) {
			this.jdbc.sql("delete from programme_champion_flags where user_id in (:ids)")
				.param("ids", this.myPeople)
				.update();
			this.jdbc.sql("delete from programme_champions where user_id in (:ids)")
				.param("ids", this.myPeople)
				.update();
		}
	}

	/**
	 * Teams: T1 of 4, T2 of 4, T3 of 3. Wave 1 names T1's four and two of T2 (6 people);
	 * wave 2 the other two of T2 and one of T3 (3); two of T3 are in no wave. NPS
	 * answers: wave 1: 10, 9, 8, 6, 3, 10 → promoters 3 of 6, detractors 2 of 6, NPS
	 * 16.7; wave 2 (3 answers) and no wave (2) hidden under the minimum of 5; every team
	 * (4, 4, 3) hidden too. Everyone (11): promoters 10, 9, 10, 9 = 4; detractors 6, 3,
	 * 0, 5 = 4; NPS 0.
	 */
	@Test
	void resultsByWaveKeepTheWaveOfTheAnswerAndHideSmallWaves() throws Exception {
		String team1 = ProgrammeFixture.team("Pulse T1");
		String team2 = ProgrammeFixture.team("Pulse T2");
		String team3 = ProgrammeFixture.team("Pulse T3");
		List<User> t1 = people(team1, 4);
		List<User> t2 = people(team2, 4);
		List<User> t3 = people(team3, 3);
		List<User> wave1People = List.of(t1.get(0), t1.get(1), t1.get(2), t1.get(3), t2.get(0), t2.get(1));
		List<User> wave2People = List.of(t2.get(2), t2.get(3), t3.get(0));
		List<User> noWavePeople = List.of(t3.get(1), t3.get(2));
		String wave1Name = ProgrammeFixture.team("Wave one");
		String wave2Name = ProgrammeFixture.team("Wave two");
		Wave wave1 = wave(wave1Name, 1, wave1People);
		Wave wave2 = wave(wave2Name, 2, wave2People);
		// a champion answering 6 (a detractor) is flagged; one answering 10 is not
		User negativeChampion = t1.get(3);
		User positiveChampion = t1.get(0);
		this.champions.designate(this.leadViewer, negativeChampion.id(), team1);
		this.champions.designate(this.leadViewer, positiveChampion.id(), team1);

		Survey survey = launch(new SurveyForm(Kind.NPS, "Recommend " + UUID.randomUUID(), null, null, null,
				List.of(team1, team2, team3), 100, 5L));
		assertThat(survey.asked()).isEqualTo(11);
		int[] wave1Scores = { 10, 9, 8, 6, 3, 10 };
		int[] wave2Scores = { 0, 5, 9 };
		int[] noWaveScores = { 7, 7 };
		answerNps(survey, wave1People, wave1Scores);
		answerNps(survey, wave2People, wave2Scores);
		answerNps(survey, noWavePeople, noWaveScores);

		// the wave is the one at answer time: taking a person out of wave 1 now changes
		// nothing
		Wave changed = this.waves.get(wave1.id());
		this.waves.update(this.leadViewer, changed.id(), changed.version(),
				new WaveDetails(changed.name(), changed.position(), List.of(), List.of(),
						wave1People.subList(1, wave1People.size()).stream().map(User::id).toList(),
						changed.plannedStart(), changed.gates()));

		Results results = this.surveys.results(this.leadViewer, survey.id());
		assertThat(results.waves()).extracting(Group::name).containsExactly(wave1Name, wave2Name, PulseSurveys.NO_WAVE);
		Group w1 = results.waves().get(0);
		assertThat(w1.hidden()).isFalse();
		assertThat(w1.answers()).isEqualTo(6);
		assertThat(w1.promoters()).isCloseTo(3 / 6.0, within(1e-9));
		assertThat(w1.detractors()).isCloseTo(2 / 6.0, within(1e-9));
		assertThat(w1.nps()).isCloseTo(100 * (3 - 2) / 6.0, within(1e-9));
		assertThat(results.waves().get(1).hidden()).isTrue();
		assertThat(results.waves().get(1).answers()).isNull();
		assertThat(results.waves().get(2).hidden()).isTrue();
		assertThat(results.hiddenWaves()).isEqualTo(2);
		// teams of 4, 4 and 3: all hidden
		assertThat(results.teams()).hasSize(3).allSatisfy(g -> assertThat(g.hidden()).isTrue());
		// everyone, counted here from all the scores
		int[] all = IntStream
			.concat(IntStream.concat(IntStream.of(wave1Scores), IntStream.of(wave2Scores)), IntStream.of(noWaveScores))
			.toArray();
		long promoters = IntStream.of(all).filter(s -> s >= 9).count();
		long detractors = IntStream.of(all).filter(s -> s <= 6).count();
		assertThat(promoters).isEqualTo(4);
		assertThat(detractors).isEqualTo(4);
		assertThat(results.overall().answers()).isEqualTo(11);
		assertThat(results.overall().nps()).isCloseTo(0.0, within(1e-9));
		// the wave is kept with the answer, never the person
		assertThat(this.jdbc.sql("""
				select count(*) from information_schema.columns
				where table_name = 'programme_survey_answers' and column_name like '%user%'
				""").query(Long.class).single()).isZero();

		// champions: the detractor flagged naming the survey only; the promoter not; and
		// nobody else (non-champions answered 3, 0, 5) flagged
		assertThat(flags(negativeChampion))
			.containsExactly("A negative answer to the NPS survey \u201c" + survey.title() + "\u201d");
		assertThat(flags(positiveChampion)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from programme_champion_flags where user_id in (:ids)")
			.param("ids", this.myPeople.stream().filter(id -> !id.equals(negativeChampion.id())).toList())
			.query(Long.class)
			.single()).isZero();

		// the page's switch and the API
		this.mvc
			.perform(get("/programme/pulse/{id}", survey.id()).param("by", "wave")
				.with(TestUsers.signIn(this.mvc, this.lead)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(wave1Name)))
			.andExpect(content().string(containsString(wave2Name)))
			.andExpect(content().string(containsString("Hidden by the privacy policy")));
		this.mvc.perform(get("/api/v1/programme/pulse/{id}/results", survey.id()).with(TestUsers.basic(this.lead)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.waves[0].name").value(wave1Name))
			.andExpect(jsonPath("$.waves[0].answers").value(6))
			.andExpect(jsonPath("$.waves[1].name").value(wave2Name))
			.andExpect(jsonPath("$.waves[1].hidden").value(true))
			.andExpect(jsonPath("$.waves[1].nps").doesNotExist());
		assertThat(wave2.id()).isNotNull();
	}

	/**
	 * ADKAR answers (1–5; 3 or less a barrier). Team A (5): Awareness 1, Desire 2,
	 * Knowledge 3, Ability 1, Reinforcement 0 barriers → Knowledge 3 of 5 (60%). Team B
	 * (5): 1, 0, 0, 2, 2 → Ability and Reinforcement tie, the earlier: Ability 2 of 5
	 * (40%). Team C (2): hidden, left out. Company (12): 3, 4, 5, 4, 3 → Knowledge 5 of
	 * 12 (42%).
	 */
	@Test
	void theAgendaTakesTheBarriersOfTheLatestClosedAdkarSurveyAndKeepsThem() throws Exception {
		String a = ProgrammeFixture.team("Barrier A");
		String b = ProgrammeFixture.team("Barrier B");
		String c = ProgrammeFixture.team("Barrier C");
		List<User> teamA = people(a, 5);
		List<User> teamB = people(b, 5);
		List<User> teamC = people(c, 2);
		// champions: A's first (barriers at two stages) flagged, A's fourth (one) not
		this.champions.designate(this.leadViewer, teamA.get(0).id(), a);
		this.champions.designate(this.leadViewer, teamA.get(3).id(), a);
		Survey survey = launch(new SurveyForm(Kind.ADKAR, "Barriers " + UUID.randomUUID(), null, null, null,
				List.of(a, b, c), 100, 9L));
		int[][] answersA = { { 2, 2, 4, 5, 5 }, { 4, 3, 3, 5, 4 }, { 5, 5, 2, 1, 4 }, { 4, 4, 3, 5, 5 },
				{ 5, 5, 5, 5, 5 } };
		int[][] answersB = { { 5, 5, 5, 2, 2 }, { 5, 5, 5, 3, 5 }, { 1, 5, 5, 5, 5 }, { 5, 5, 5, 5, 3 },
				{ 5, 4, 4, 4, 4 } };
		int[][] answersC = { { 1, 1, 1, 1, 1 }, { 5, 3, 3, 5, 5 } };
		answerAdkar(survey, teamA, answersA);
		answerAdkar(survey, teamB, answersB);
		answerAdkar(survey, teamC, answersC);
		this.surveys.close(this.leadViewer, survey.id());

		assertThat(flags(teamA.get(0)))
			.containsExactly("A negative answer to the ADKAR survey \u201c" + survey.title() + "\u201d");
		assertThat(flags(teamA.get(3))).isEmpty();

		Meeting meeting = this.committee.create(this.leadViewer, new MeetingDetails(LocalDate.of(2026, 7, 1),
				"Steering " + UUID.randomUUID(), this.lead.id(), null, List.of(this.lead.id())));
		this.myMeetings.add(meeting.id());
		List<AgendaItem> agenda = this.committee.generateAgenda(this.leadViewer, meeting.id()).agenda();
		List<AgendaItem> pulse = agenda.stream()
			.filter(i -> i.topic().equals(SteeringCommittee.PULSE_BARRIERS))
			.toList();
		assertThat(pulse).extracting(AgendaItem::label)
			.containsExactly("ADKAR survey", "Company's top barrier", a, b, "Teams left out");
		assertThat(pulse.get(0).value()).startsWith("\u201c" + survey.title() + "\u201d, 12 of 12 answered, closed ");
		assertThat(pulse.get(1).value()).isEqualTo("Knowledge: 5 of 12 (42%)");
		assertThat(pulse.get(2).value()).isEqualTo("Knowledge: 3 of 5 (60%)");
		assertThat(pulse.get(3).value()).isEqualTo("Ability: 2 of 5 (40%)");
		assertThat(pulse.get(4).value()).isEqualTo("1 team with fewer than 5 answers");
		assertThat(pulse).allSatisfy(i -> assertThat(i.definition()).isNotBlank());
		assertThat(pulse).noneMatch(i -> i.label().equals(c) || i.value().contains(c));
		// the company's figure, counted here from every answer
		int[] barriers = new int[5];
		for (int[][] team : List.of(answersA, answersB, answersC)) {
			for (int[] answer : team) {
				for (int stage = 0; stage < 5; stage++) {
					barriers[stage] += answer[stage] <= 3 ? 1 : 0;
				}
			}
		}
		assertThat(barriers).containsExactly(3, 4, 5, 4, 3);

		// kept with the meeting, shown on its page and in its API
		assertThat(this.committee.meeting(this.leadViewer, meeting.id()).agenda()).isEqualTo(agenda);
		this.mvc
			.perform(
					get("/programme/committee/meetings/{id}", meeting.id()).with(TestUsers.signIn(this.mvc, this.lead)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pulse barriers")))
			.andExpect(content().string(containsString("Knowledge: 3 of 5 (60%)")));
		this.mvc
			.perform(get("/api/v1/programme/committee/meetings/{id}", meeting.id()).with(TestUsers.basic(this.lead)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.agenda[*].value", hasItem("Ability: 2 of 5 (40%)")));
	}

	@Test
	void withoutAnAdkarSurveyWithAnswersTheAgendaSaysSo() {
		assertThat(SteeringCommittee.pulseBarrierItems(java.util.Optional.empty())).singleElement().satisfies(item -> {
			assertThat(item.topic()).isEqualTo(SteeringCommittee.PULSE_BARRIERS);
			assertThat(item.value()).isEqualTo("No ADKAR survey has answers yet");
			assertThat(item.definition()).isNotBlank();
		});
	}

	@Test
	void negativeMeansBarriersAtTwoStagesOrADetractor() {
		assertThat(PulseSurveys.negative(Kind.ADKAR, List.of(3, 3, 4, 5, 5))).isTrue();
		assertThat(PulseSurveys.negative(Kind.ADKAR, List.of(1, 4, 4, 5, 5))).isFalse();
		assertThat(PulseSurveys.negative(Kind.NPS, List.of(6))).isTrue();
		assertThat(PulseSurveys.negative(Kind.NPS, List.of(7))).isFalse();
		assertThat(PulseSurveys.negative(Kind.POLL, List.of())).isFalse();
	}

	private Wave wave(String name, int position, List<User> people) {
		Wave wave = this.waves.create(this.leadViewer,
				new WaveDetails(name, position, List.of(), List.of(), people.stream().map(User::id).toList(),
						LocalDate.of(2026, 7, 14), ProgrammeFixture.activation(14, 80)));
		this.myWaves.add(wave.id());
		return wave;
	}

	private Survey launch(SurveyForm form) {
		Survey survey = this.surveys.launch(this.leadViewer, form);
		this.mySurveys.add(survey.id());
		return survey;
	}

	private void answerNps(Survey survey, List<User> people, int[] scores) {
		for (int i = 0; i < scores.length; i++) {
			this.surveys.answer(Viewer.of(people.get(i)), survey.id(), new AnswerForm(List.of(scores[i]), null));
		}
	}

	private void answerAdkar(Survey survey, List<User> people, int[][] scores) {
		for (int i = 0; i < scores.length; i++) {
			this.surveys.answer(Viewer.of(people.get(i)), survey.id(),
					new AnswerForm(IntStream.of(scores[i]).boxed().toList(), null));
		}
	}

	private List<String> flags(User user) {
		return this.champions.list()
			.stream()
			.filter(ch -> ch.userId().equals(user.id()))
			.flatMap(ch -> ch.flags().stream())
			.map(Champions.Flag::reason)
			.toList();
	}

	private List<User> people(String team, int count) {
		List<User> people = IntStream.range(0, count).mapToObj(i -> this.fixture.person(Role.REP, team)).toList();
		people.forEach(p -> this.myPeople.add(p.id()));
		return people;
	}

}
