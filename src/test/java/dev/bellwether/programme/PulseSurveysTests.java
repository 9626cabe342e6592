package dev.bellwether.programme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.programme.PulseSurveys.AnswerForm;
import dev.bellwether.programme.PulseSurveys.Group;
import dev.bellwether.programme.PulseSurveys.Kind;
import dev.bellwether.programme.PulseSurveys.Stage;
import dev.bellwether.programme.PulseSurveys.Survey;
import dev.bellwether.programme.PulseSurveys.SurveyForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.bellwether.platform.SqlValues.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pulse surveys: sampling and the 60-day throttle against a hand-computed fixture,
 * barrier shares and NPS against the test's own computation, anonymity (no answer shown
 * alone, no group under the minimum), and bad input refused.
 */
@IntegrationTest
class PulseSurveysTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	UserDirectory directory;

	@Autowired
	PulseSurveys surveys;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	User lead;

	Viewer leadViewer;

	@BeforeEach
	void lead() {
		this.lead = this.testUsers.create(Role.ADMIN);
		this.leadViewer = Viewer.of(this.lead);
	}

	@Test
	void samplesTheAudienceAndAsksNobodyTwiceIn60Days() {
		String team = team();
		List<User> people = people(team, 10);
		// two asked 30 days ago and one 61 days ago, by an earlier survey
		Survey earlier = this.surveys.launch(this.leadViewer,
				new SurveyForm(Kind.NPS, "Earlier", null, null, null, List.of(team() + "-nobody"), 100, 1L));
		assertThat(earlier.asked()).isZero();
		Instant now = this.clock.instant();
		askedBefore(earlier.id(), people.get(0), now.minus(Duration.ofDays(30)));
		askedBefore(earlier.id(), people.get(1), now.minus(Duration.ofDays(30)));
		askedBefore(earlier.id(), people.get(2), now.minus(Duration.ofDays(61)));

		// 8 of the 10 may be asked: 40% of 8 = 3.2, so 3
		Survey first = this.surveys.launch(this.leadViewer,
				new SurveyForm(Kind.ADKAR, "How is it going?", null, null, List.of("REP"), List.of(team), 40, 42L));
		assertThat(first.asked()).isEqualTo(3);
		Set<UUID> firstAsked = invited(first.id());
		Set<UUID> ids = people.stream().map(User::id).collect(Collectors.toSet());
		assertThat(ids).containsAll(firstAsked);
		assertThat(firstAsked).doesNotContain(people.get(0).id(), people.get(1).id());

		// everyone else of the team: 10 - 2 (30 days ago) - 3 (just now) = 5, whoever the
		// first draw took
		Survey second = this.surveys.launch(this.leadViewer,
				new SurveyForm(Kind.NPS, "Would you recommend it?", null, null, null, List.of(team), 100, 7L));
		assertThat(second.asked()).isEqualTo(5);
		Set<UUID> secondAsked = invited(second.id());
		assertThat(secondAsked).doesNotContainAnyElementsOf(firstAsked)
			.doesNotContain(people.get(0).id(), people.get(1).id());
		if (!firstAsked.contains(people.get(2).id())) {
			assertThat(secondAsked).contains(people.get(2).id());
		}
		// a third survey finds nobody left to ask
		assertThat(this.surveys
			.launch(this.leadViewer, new SurveyForm(Kind.NPS, "Again?", null, null, null, List.of(team), 100, 7L))
			.asked()).isZero();

		// asked in-app, with a link to the survey
		for (UUID asked : secondAsked) {
			assertThat(this.notifications.of(asked, PageRequest.of(0, 10)).getContent())
				.anySatisfy(n -> assertThat(n.link()).isEqualTo("/programme/pulse/" + second.id()));
			assertThat(this.surveys.waitingFor(asked)).extracting(Survey::id).contains(second.id());
		}
	}

	@Test
	void barrierSharesPerStageByTeamHidingTeamsUnderTheMinimum() throws Exception {
		String big = team();
		String small = team();
		List<User> bigTeam = people(big, 6);
		List<User> smallTeam = people(small, 4);
		Survey survey = this.surveys.launch(this.leadViewer,
				new SurveyForm(Kind.ADKAR, "ADKAR check", null, null, null, List.of(big, small), 100, 3L));
		assertThat(survey.asked()).isEqualTo(10);
		int[][] bigAnswers = { { 5, 5, 2, 2, 5 }, { 4, 3, 4, 1, 5 }, { 5, 4, 4, 3, 4 }, { 5, 5, 5, 2, 3 },
				{ 4, 4, 3, 4, 5 }, { 5, 5, 5, 5, 5 } };
		int[][] smallAnswers = { { 1, 1, 1, 1, 1 }, { 2, 2, 2, 2, 2 }, { 5, 5, 5, 5, 5 }, { 3, 4, 5, 5, 5 } };
		for (int i = 0; i < bigAnswers.length; i++) {
			this.surveys.answer(Viewer.of(bigTeam.get(i)), survey.id(), new AnswerForm(list(bigAnswers[i]), null));
		}
		for (int i = 0; i < smallAnswers.length; i++) {
			this.surveys.answer(Viewer.of(smallTeam.get(i)), survey.id(), new AnswerForm(list(smallAnswers[i]), null));
		}

		PulseSurveys.Results results = this.surveys.results(this.leadViewer, survey.id());
		Group bigGroup = results.teams().stream().filter(g -> g.name().equals(big)).findFirst().orElseThrow();
		// by hand: Awareness 0 of 6 at 3 or less, Desire 1, Knowledge 2, Ability 4,
		// Reinforcement 1
		assertThat(bigGroup.answers()).isEqualTo(6);
		assertThat(bigGroup.barrierShares().get(Stage.AWARENESS)).isCloseTo(0.0, within(1e-9));
		assertThat(bigGroup.barrierShares().get(Stage.DESIRE)).isCloseTo(1 / 6.0, within(1e-9));
		assertThat(bigGroup.barrierShares().get(Stage.KNOWLEDGE)).isCloseTo(2 / 6.0, within(1e-9));
		assertThat(bigGroup.barrierShares().get(Stage.ABILITY)).isCloseTo(4 / 6.0, within(1e-9));
		assertThat(bigGroup.barrierShares().get(Stage.REINFORCEMENT)).isCloseTo(1 / 6.0, within(1e-9));
		assertThat(bigGroup.topBarrier()).isEqualTo(Stage.ABILITY);
		// a team of 4 answers: hidden (minimum 5)
		Group smallGroup = results.teams().stream().filter(g -> g.name().equals(small)).findFirst().orElseThrow();
		assertThat(smallGroup.hidden()).isTrue();
		assertThat(smallGroup.answers()).isNull();
		assertThat(smallGroup.barrierShares()).isEmpty();
		// everyone: all 10 answers, shares counted independently here
		for (Stage stage : Stage.values()) {
			long barriers = 0;
			for (int[] a : bigAnswers) {
				barriers += a[stage.ordinal()] <= 3 ? 1 : 0;
			}
			for (int[] a : smallAnswers) {
				barriers += a[stage.ordinal()] <= 3 ? 1 : 0;
			}
			assertThat(results.overall().barrierShares().get(stage)).isCloseTo(barriers / 10.0, within(1e-9));
		}
		// the public read a committee agenda uses: the big team only
		assertThat(this.surveys.barriersByTeam(survey.id())).singleElement().satisfies(t -> {
			assertThat(t.team()).isEqualTo(big);
			assertThat(t.topBarrier()).isEqualTo(Stage.ABILITY);
			assertThat(t.answers()).isEqualTo(6);
		});

		// no answer shown alone: no respondent's name or id in the page or the API
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.lead);
		String page = this.mvc.perform(get("/programme/pulse/{id}", survey.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hidden by the privacy policy")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String json = this.mvc.perform(get("/api/v1/programme/pulse/{id}/results", survey.id()).with(basic(this.lead)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.teams[?(@.name == '" + small + "')].hidden").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<User> everyone = new ArrayList<>(bigTeam);
		everyone.addAll(smallTeam);
		for (User person : everyone) {
			assertThat(page).doesNotContain(person.fullName(), person.id().toString());
			assertThat(json).doesNotContain(person.fullName(), person.id().toString());
		}
		// answers are kept without the person
		assertThat(this.jdbc.sql("""
				select count(*) from information_schema.columns
				where table_name = 'programme_survey_answers' and column_name in ('user_id', 'created_by_user')
				""").query(Long.class).single()).isZero();
		// results are the leads'
		this.mvc.perform(get("/api/v1/programme/pulse/{id}/results", survey.id()).with(basic(bigTeam.get(0))))
			.andExpect(status().isForbidden());
	}

	@Test
	void npsIsPromotersLessDetractorsAndPollsCountOptions() throws Exception {
		String npsTeam = team();
		List<User> npsPeople = people(npsTeam, 7);
		Survey nps = this.surveys.launch(this.leadViewer,
				new SurveyForm(Kind.NPS, "NPS", null, null, null, List.of(npsTeam), 100, 5L));
		int[] scores = { 10, 9, 8, 7, 6, 0, 9 };
		for (int i = 0; i < scores.length; i++) {
			this.surveys.answer(Viewer.of(npsPeople.get(i)), nps.id(), new AnswerForm(List.of(scores[i]), null));
		}
		long promoters = 0;
		long detractors = 0;
		for (int score : scores) {
			promoters += score >= 9 ? 1 : 0;
			detractors += score <= 6 ? 1 : 0;
		}
		Group overall = this.surveys.results(this.leadViewer, nps.id()).overall();
		assertThat(promoters).isEqualTo(3);
		assertThat(detractors).isEqualTo(2);
		assertThat(overall.promoters()).isCloseTo(3 / 7.0, within(1e-9));
		assertThat(overall.detractors()).isCloseTo(2 / 7.0, within(1e-9));
		assertThat(overall.nps()).isCloseTo(100.0 * (promoters - detractors) / scores.length, within(1e-9));

		String pollTeam = team();
		List<User> pollPeople = people(pollTeam, 5);
		Survey poll = this.surveys.launch(this.leadViewer, new SurveyForm(Kind.POLL, "Training", "Which training?",
				List.of("Live", "Video", "Both"), null, List.of(pollTeam), 100, 5L));
		int[] picks = { 0, 0, 1, 2, 0 };
		for (int i = 0; i < picks.length; i++) {
			this.surveys.answer(Viewer.of(pollPeople.get(i)), poll.id(), new AnswerForm(null, picks[i]));
		}
		assertThat(this.surveys.results(this.leadViewer, poll.id()).overall().optionCounts()).containsExactly(3L, 1L,
				1L);

		// the results pages: NPS rounded, the poll's options counted
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.lead);
		this.mvc.perform(get("/programme/pulse/{id}", nps.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("% promoters (9–10) − % detractors (0–6)")))
			.andExpect(content().string(containsString(">14<")));
		this.mvc.perform(get("/programme/pulse/{id}", poll.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Video<")));
	}

	@Test
	void refusesASecondAnswerAnAnswerOutOfRangeAndSurveysWithoutQuestions() throws Exception {
		String team = team();
		List<User> people = people(team, 2);
		Survey survey = this.surveys.launch(this.leadViewer,
				new SurveyForm(Kind.ADKAR, "Twice?", null, null, null, List.of(team), 100, 9L));
		User person = people.get(0);
		assertThatThrownBy(
				() -> this.surveys.answer(Viewer.of(person), survey.id(), new AnswerForm(List.of(5, 5, 6, 5, 5), null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Knowledge");
		assertThatThrownBy(
				() -> this.surveys.answer(Viewer.of(person), survey.id(), new AnswerForm(List.of(5, 5, 5), null)))
			.isInstanceOf(InvalidInputException.class);

		// through the page: the form, then once only
		RequestPostProcessor session = TestUsers.signIn(this.mvc, person);
		this.mvc.perform(get("/programme").with(session))
			.andExpect(content().string(containsString("A survey is waiting for you")));
		this.mvc.perform(get("/programme/pulse/{id}", survey.id()).with(session))
			.andExpect(content().string(containsString("id=\"answer-form\"")));
		this.mvc
			.perform(post("/programme/pulse/{id}", survey.id()).param("score0", "4")
				.param("score1", "4")
				.param("score2", "3")
				.param("score3", "2")
				.param("score4", "5")
				.with(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/programme/pulse/" + survey.id()))
			.andExpect(flash().attributeExists("flashSuccess"));
		this.mvc
			.perform(post("/programme/pulse/{id}", survey.id()).param("score0", "4")
				.param("score1", "4")
				.param("score2", "3")
				.param("score3", "2")
				.param("score4", "5")
				.with(session)
				.with(csrf()))
			.andExpect(flash().attribute("flashError", containsString("already answered")));
		this.mvc.perform(get("/programme/pulse/{id}", survey.id()).with(session))
			.andExpect(content().string(containsString("id=\"already-answered\"")));
		// and through the API
		this.mvc
			.perform(post("/api/v1/programme/pulse/{id}/answers", survey.id()).with(basic(person))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scores\":[5,5,5,5,5]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("already answered")));
		assertThat(this.jdbc.sql("select count(*) from programme_survey_answers where survey_id = :id")
			.param("id", survey.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		// someone not asked
		User stranger = this.testUsers.create(Role.REP);
		assertThatThrownBy(() -> this.surveys.answer(Viewer.of(stranger), survey.id(),
				new AnswerForm(List.of(5, 5, 5, 5, 5), null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not sent to you");

		// NPS out of range, through the API
		String npsTeam = team();
		User npsPerson = people(npsTeam, 1).get(0);
		Survey nps = this.surveys.launch(this.leadViewer,
				new SurveyForm(Kind.NPS, "NPS", null, null, null, List.of(npsTeam), 100, 9L));
		this.mvc
			.perform(post("/api/v1/programme/pulse/{id}/answers", nps.id()).with(basic(npsPerson))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scores\":[11]}"))
			.andExpect(status().isBadRequest());

		// surveys: a poll without options, a sample out of 0-100, by a non-lead
		assertThatThrownBy(() -> this.surveys.launch(this.leadViewer,
				new SurveyForm(Kind.POLL, "Poll", "Which?", List.of(), null, null, 100, 1L)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("options"));
		assertThatThrownBy(() -> this.surveys.launch(this.leadViewer,
				new SurveyForm(Kind.POLL, "Poll", "Which?", List.of("Only one"), null, null, 100, 1L)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("options"));
		assertThatThrownBy(() -> this.surveys.launch(this.leadViewer,
				new SurveyForm(Kind.NPS, "NPS", null, null, null, null, 101, 1L)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("samplePercent"));
		this.mvc
			.perform(post("/api/v1/programme/pulse").with(basic(this.lead))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"ADKAR\",\"title\":\"x\",\"samplePercent\":-1}"))
			.andExpect(status().isBadRequest());
		assertThatThrownBy(() -> this.surveys.launch(Viewer.of(person),
				new SurveyForm(Kind.NPS, "NPS", null, null, null, null, 10, 1L)))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void leadsLaunchFromThePage() throws Exception {
		String team = team();
		people(team, 3);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.lead);
		this.mvc
			.perform(post("/programme/pulse").param("kind", "POLL")
				.param("title", "Page poll")
				.param("question", "Which?")
				.param("options", "A")
				.param("teams", team)
				.param("samplePercent", "100")
				.with(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 to 10 options")));
		MvcResult launched = this.mvc
			.perform(post("/programme/pulse").param("kind", "POLL")
				.param("title", "Page poll")
				.param("question", "Which?")
				.param("options", "A\nB")
				.param("teams", team)
				.param("samplePercent", "100")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(launched.getFlashMap().get("flashSuccess").toString()).contains("sent to 3 people");
		this.mvc.perform(get("/programme/pulse").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page poll")));
	}

	private void askedBefore(UUID survey, User person, Instant at) {
		this.jdbc.sql("insert into programme_survey_invitations (survey_id, user_id, asked_at) values (:s, :u, :at)")
			.param("s", survey)
			.param("u", person.id())
			.param("at", utc(at))
			.update();
	}

	private Set<UUID> invited(UUID survey) {
		return Set.copyOf(this.jdbc.sql("select user_id from programme_survey_invitations where survey_id = :s")
			.param("s", survey)
			.query(UUID.class)
			.list());
	}

	private List<User> people(String team, int count) {
		List<User> people = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String username = "pulse-" + UUID.randomUUID().toString().substring(0, 12);
			people.add(this.directory.create(new UserProfile(username, "Pulse " + username, username + "@test.example",
					"Tester", Role.REP, null, team, "Region", null), TestUsers.PASSWORD, null));
		}
		return people;
	}

	private static String team() {
		return "Pulse " + UUID.randomUUID().toString().substring(0, 8);
	}

	private static List<Integer> list(int[] values) {
		List<Integer> list = new ArrayList<>();
		for (int v : values) {
			list.add(v);
		}
		return list;
	}

	private static RequestPostProcessor basic(User user) {
		return TestUsers.basic(user);
	}

}
