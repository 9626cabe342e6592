package dev.bellwether.programme;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.SqlArrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Pulse surveys (docs/programme.md, "Pulse surveys"): ADKAR (five questions 1–5, an
 * answer of 3 or less marks a barrier at that stage), the NPS of the CRM (0–10) and
 * one-question polls. A lead launches a survey to an audience (roles, teams) and a sample
 * share of it; nobody is asked more than once in {@value #THROTTLE_DAYS} days, whatever
 * the survey. People answer signed in, once; answers are kept without the person (their
 * team only) and shown only as aggregates of groups of at least the privacy policy's
 * minimum ({@link PrivacyPolicy#minimumGroupSize()}).
 */
@Service
@Transactional(readOnly = true)
public class PulseSurveys {

	/** Nobody is asked more often than once in this many days, across all surveys. */
	public static final int THROTTLE_DAYS = 60;

	/** An ADKAR answer at or below this marks a barrier at its stage. */
	public static final int BARRIER_AT_MOST = 3;

	/** An ADKAR answer with barriers at this many stages or more is negative. */
	public static final int NEGATIVE_ADKAR_BARRIERS = 2;

	/** An NPS answer at or below this (a detractor) is negative. */
	public static final int NEGATIVE_NPS_AT_MOST = 6;

	/** The group of answers given by people in no rollout wave. */
	public static final String NO_WAVE = "(no wave)";

	static final String NOTIFICATION_KIND = "PULSE_SURVEY";

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final Notifications notifications;

	private final PrivacyPolicy privacy;

	private final ProgrammeLeads leads;

	private final RolloutWaves waves;

	private final Champions champions;

	private final Clock clock;

	PulseSurveys(JdbcClient jdbc, UserDirectory users, Notifications notifications, PrivacyPolicy privacy,
			ProgrammeLeads leads, RolloutWaves waves, Champions champions, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.notifications = notifications;
		this.privacy = privacy;
		this.leads = leads;
		this.waves = waves;
		this.champions = champions;
		this.clock = clock;
	}

	/**
	 * Creates the survey and asks its sample in-app at once (a notification linking to
	 * {@code /programme/pulse/{id}}).
	 * @throws InvalidInputException for a survey with no title, a poll with fewer than
	 * two options, a sample share outside 0–100, an unknown role
	 */
	@Transactional
	public Survey launch(Viewer lead, SurveyForm form) {
		this.leads.requireLead(lead);
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.kind() == null) {
			errors.put("kind", "Choose ADKAR, NPS or POLL.");
		}
		String title = form.title() == null ? "" : form.title().strip();
		if (title.isEmpty() || title.length() > 200) {
			errors.put("title", "Give the survey a title of up to 200 characters.");
		}
		List<String> options = form.options() == null ? List.of()
				: form.options().stream().map(o -> o == null ? "" : o.strip()).filter(o -> !o.isEmpty()).toList();
		String question = form.question() == null ? null : form.question().strip();
		if (form.kind() == Kind.POLL) {
			if (question == null || question.isEmpty() || question.length() > 500) {
				errors.put("question", "A poll asks one question (up to 500 characters).");
			}
			if (options.size() < 2 || options.size() > 10) {
				errors.put("options", "A poll needs 2 to 10 options to choose from.");
			}
			else if (options.stream().map(o -> o.toLowerCase(Locale.ROOT)).distinct().count() < options.size()) {
				errors.put("options", "Each option of the poll must be different.");
			}
		}
		if (form.samplePercent() == null || form.samplePercent() < 0 || form.samplePercent() > 100) {
			errors.put("samplePercent", "The sample is a share of the audience from 0 to 100 (%).");
		}
		List<Role> roles = new ArrayList<>();
		for (String role : form.roles() == null ? List.<String>of() : form.roles()) {
			if (role == null || role.isBlank()) {
				continue;
			}
			try {
				roles.add(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				errors.put("roles", "'" + role + "' is not a role.");
			}
		}
		List<String> teams = form.teams() == null ? List.of()
				: form.teams().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		UUID id = Ids.newId();
		long seed = form.seed() != null ? form.seed() : id.getLeastSignificantBits();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into programme_surveys (id, kind, title, question, options, audience_roles, audience_teams,
				    sample_percent, seed, created_at, created_by, updated_at, updated_by, version)
				values (:id, :kind, :title, :question, cast(:options as text[]), cast(:roles as text[]),
				    cast(:teams as text[]), :sample, :seed, :now, :by, :now, :by, 0)
				""")
			.param("id", id)
			.param("kind", form.kind().name())
			.param("title", title)
			.param("question", form.kind() == Kind.POLL ? question : null)
			.param("options", SqlArrays.of(form.kind() == Kind.POLL ? options : List.of()))
			.param("roles", SqlArrays.of(roles.stream().map(Role::name).toList()))
			.param("teams", SqlArrays.of(teams))
			.param("sample", form.samplePercent())
			.param("seed", seed)
			.param("now", utc(now))
			.param("by", lead.id())
			.update();
		List<UUID> eligible = eligible(Set.copyOf(roles), Set.copyOf(teams), now);
		List<UUID> asked = PulseSampling.pick(eligible, form.samplePercent(), seed);
		if (!asked.isEmpty()) {
			this.jdbc.sql("""
					insert into programme_survey_invitations (survey_id, user_id, asked_at)
					select :survey, u, :now from unnest(cast(:users as uuid[])) u
					""").param("survey", id).param("now", utc(now)).param("users", SqlArrays.of(asked)).update();
			this.notifications.sendAll(asked.stream()
				.map(user -> new Notifications.Message(user, NOTIFICATION_KIND,
						"A short survey is waiting for you: " + title,
						"It takes a minute; your answers are anonymous and shown only as group figures.",
						"/programme/pulse/" + id))
				.toList());
		}
		return get(id);
	}

	/**
	 * The audience a survey may ask now: active people counted in adoption, of the roles
	 * and teams (everyone when none is given), not asked by any survey in the last
	 * {@value #THROTTLE_DAYS} days; ordered by id, so that sampling depends only on the
	 * seed.
	 */
	List<UUID> eligible(Set<Role> roles, Set<String> teams, Instant now) {
		Set<UUID> throttled = Set
			.copyOf(this.jdbc.sql("select distinct user_id from programme_survey_invitations where asked_at > :since")
				.param("since", utc(now.minus(Duration.ofDays(THROTTLE_DAYS))))
				.query(UUID.class)
				.list());
		return this.users.people()
			.stream()
			.filter(p -> p.active() && p.countedInAdoption())
			.filter(p -> roles.isEmpty() || roles.contains(p.role()))
			.filter(p -> teams.isEmpty() || (p.team() != null && teams.contains(p.team())))
			.map(Person::id)
			.filter(id -> !throttled.contains(id))
			.sorted()
			.toList();
	}

	/**
	 * Closes the survey: no more answers.
	 */
	@Transactional
	public Survey close(Viewer lead, UUID id) {
		this.leads.requireLead(lead);
		get(id);
		this.jdbc.sql("""
				update programme_surveys set closed_at = coalesce(closed_at, :now), updated_at = :now, updated_by = :by,
				    version = version + 1 where id = :id
				""").param("id", id).param("now", utc(this.clock.instant())).param("by", lead.id()).update();
		return get(id);
	}

	/**
	 * @throws RecordNotFoundException for an unknown survey
	 */
	public Survey get(UUID id) {
		return this.jdbc.sql(SURVEYS + " where s.id = :id")
			.param("id", id)
			.query(PulseSurveys::survey)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("survey", id));
	}

	/**
	 * @return every survey, newest first (for leads)
	 */
	public List<Survey> list() {
		return this.jdbc.sql(SURVEYS + " order by s.created_at desc, s.id desc").query(PulseSurveys::survey).list();
	}

	/**
	 * @return the open surveys the person was asked and has not answered, newest first
	 */
	public List<Survey> waitingFor(UUID userId) {
		return this.jdbc.sql(SURVEYS + """
				 join programme_survey_invitations i on i.survey_id = s.id
				where i.user_id = :user and i.answered_on is null and s.closed_at is null
				order by s.created_at desc
				""").param("user", userId).query(PulseSurveys::survey).list();
	}

	/**
	 * @return where the person stands with the survey
	 * @throws RecordNotFoundException for an unknown survey
	 */
	public Standing standing(UUID userId, UUID surveyId) {
		Survey survey = get(surveyId);
		Optional<LocalDate> invitation = this.jdbc
			.sql("select answered_on from programme_survey_invitations where survey_id = :survey and user_id = :user")
			.param("survey", surveyId)
			.param("user", userId)
			.query((rs, row) -> Optional.ofNullable(rs.getObject("answered_on", LocalDate.class)))
			.optional()
			.orElse(null);
		if (invitation == null) {
			return Standing.NOT_ASKED;
		}
		if (invitation.isPresent()) {
			return Standing.ANSWERED;
		}
		return survey.closed() ? Standing.CLOSED : Standing.WAITING;
	}

	/**
	 * Records the person's answer, without the person: their team, their rollout wave
	 * (both as they are at the time of answering) and the day only. A champion whose
	 * answer is {@linkplain #negative negative} is flagged to the programme leads
	 * ({@link Champions#flagNegativePulse}): the flag names the survey, never the answer.
	 * @throws InvalidInputException for a survey answered already, closed or not sent to
	 * the person, or an answer out of range
	 */
	@Transactional
	public void answer(Viewer viewer, UUID surveyId, AnswerForm form) {
		Survey survey = get(surveyId);
		switch (standing(viewer.id(), surveyId)) {
			case NOT_ASKED -> throw new InvalidInputException("survey",
					"This survey was not sent to you: surveys ask a sample of people, at most once in " + THROTTLE_DAYS
							+ " days.");
			case ANSWERED -> throw new InvalidInputException("survey",
					"You have already answered this survey. Each person answers once; answers are anonymous "
							+ "and cannot be changed.");
			case CLOSED ->
				throw new InvalidInputException("survey", "This survey is closed: it takes no more answers.");
			case WAITING -> {
			}
		}
		List<Integer> scores = form.scores() == null ? List.of() : form.scores();
		Integer option = null;
		switch (survey.kind()) {
			case ADKAR -> {
				if (scores.size() != Stage.values().length) {
					throw new InvalidInputException("scores", "Answer each of the five questions, from 1 to 5.");
				}
				for (int i = 0; i < scores.size(); i++) {
					Integer score = scores.get(i);
					if (score == null || score < 1 || score > 5) {
						throw new InvalidInputException("scores",
								Stage.values()[i].label() + ": answer from 1 (not at all) to 5 (fully).");
					}
				}
			}
			case NPS -> {
				if (scores.size() != 1 || scores.get(0) == null || scores.get(0) < 0 || scores.get(0) > 10) {
					throw new InvalidInputException("scores",
							"Answer from 0 (not at all likely) to 10 (extremely likely).");
				}
			}
			case POLL -> {
				option = form.option();
				if (option == null || option < 0 || option >= survey.options().size()) {
					throw new InvalidInputException("option", "Choose one of the poll's options.");
				}
				scores = List.of();
			}
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int marked = this.jdbc.sql("""
				update programme_survey_invitations set answered_on = :today
				where survey_id = :survey and user_id = :user and answered_on is null
				""").param("today", today).param("survey", surveyId).param("user", viewer.id()).update();
		if (marked == 0) {
			throw new InvalidInputException("survey", "You have already answered this survey.");
		}
		String team = this.users.people()
			.stream()
			.filter(p -> p.id().equals(viewer.id()))
			.map(Person::team)
			.findFirst()
			.orElse(null);
		UUID wave = this.waves.waveOf(viewer.id()).map(Wave::id).orElse(null);
		// a random id (not time-ordered) and the day only: an answer cannot be lined up
		// with the invitation it came from
		OffsetDateTime day = today.atStartOfDay().atOffset(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into programme_survey_answers (id, survey_id, team, wave_id, scores, option_index, created_at,
				    updated_at, version)
				values (:id, :survey, :team, :wave, cast(:scores as integer[]), :option, :day, :day, 0)
				""")
			.param("id", UUID.randomUUID())
			.param("survey", surveyId)
			.param("team", team)
			.param("wave", wave)
			.param("scores", SqlArrays.of(scores))
			.param("option", option)
			.param("day", day)
			.update();
		if (negative(survey.kind(), scores)) {
			// the reason names the survey only: neither the scores nor the stages
			this.champions.flagNegativePulse(viewer.id(),
					"A negative answer to the " + survey.kind().name() + " survey \u201c" + survey.title() + "\u201d");
		}
	}

	/**
	 * Whether an answer is negative, which flags a champion who gives it: an ADKAR answer
	 * with barriers ({@value #BARRIER_AT_MOST} or less) at
	 * {@value #NEGATIVE_ADKAR_BARRIERS} stages or more, or an NPS answer of
	 * {@value #NEGATIVE_NPS_AT_MOST} or less (a detractor). A poll's answer is never
	 * negative.
	 */
	static boolean negative(Kind kind, List<Integer> scores) {
		return switch (kind) {
			case ADKAR -> scores.stream().filter(s -> s <= BARRIER_AT_MOST).count() >= NEGATIVE_ADKAR_BARRIERS;
			case NPS -> scores.get(0) <= NEGATIVE_NPS_AT_MOST;
			case POLL -> false;
		};
	}

	/**
	 * The survey's results, aggregates only: overall, by team and by rollout wave (each
	 * answer's team and wave as they were when it was given), each group of fewer answers
	 * than the privacy minimum hidden.
	 */
	public Results results(Viewer lead, UUID surveyId) {
		this.leads.requireLead(lead);
		return results(surveyId);
	}

	Results results(UUID surveyId) {
		Survey survey = get(surveyId);
		int minimum = this.privacy.minimumGroupSize();
		List<AnswerRow> answers = this.jdbc
			.sql("select team, wave_id, scores, option_index from programme_survey_answers where survey_id = :survey")
			.param("survey", surveyId)
			.query((rs, row) -> new AnswerRow(rs.getString("team"), rs.getObject("wave_id", UUID.class),
					ints(rs.getArray("scores")), (Integer) rs.getObject("option_index")))
			.list();
		List<Group> teams = PulseFigures.groups(survey, answers, a -> a.team() == null ? "(no team)" : a.team(),
				Comparator.<String>naturalOrder(), team -> team, minimum);
		// by wave: the waves in their order, then the answers of people in no wave (or in
		// a wave deleted since)
		List<Wave> order = this.waves.list();
		Map<UUID, Integer> positions = new LinkedHashMap<>();
		Map<UUID, String> names = new LinkedHashMap<>();
		for (int i = 0; i < order.size(); i++) {
			positions.put(order.get(i).id(), i);
			names.put(order.get(i).id(), order.get(i).name());
		}
		UUID noWave = new UUID(0, 0);
		List<Group> byWave = PulseFigures.groups(survey, answers,
				a -> a.wave() != null && positions.containsKey(a.wave()) ? a.wave() : noWave,
				Comparator.comparing((UUID wave) -> positions.getOrDefault(wave, Integer.MAX_VALUE)),
				wave -> names.getOrDefault(wave, NO_WAVE), minimum);
		return new Results(survey, minimum, PulseFigures.group("Everyone", survey, answers, minimum), teams, byWave);
	}

	/**
	 * The ADKAR barriers a steering committee's agenda shows: those of the latest closed
	 * ADKAR survey with answers, or, none being closed, of the latest one with answers.
	 * @return empty when no ADKAR survey has answers
	 */
	public Optional<SurveyBarriers> latestBarriers() {
		return this.jdbc.sql("""
				select s.id from programme_surveys s
				where s.kind = 'ADKAR' and exists (select 1 from programme_survey_answers a where a.survey_id = s.id)
				order by (s.closed_at is null), s.closed_at desc, s.created_at desc, s.id desc limit 1
				""").query(UUID.class).optional().map(id -> {
			Results results = results(id);
			return new SurveyBarriers(results.survey(), results.minimumGroupSize(), results.overall(),
					barriersByTeam(id), results.hiddenTeams());
		});
	}

	/**
	 * Barriers by team of the latest ADKAR survey, for a steering committee's agenda:
	 * teams with at least the privacy minimum of answers only.
	 * @return empty without an ADKAR survey
	 */
	public List<TeamBarriers> barriersByTeam() {
		return this.jdbc
			.sql("select id from programme_surveys where kind = 'ADKAR' order by created_at desc, id desc limit 1")
			.query(UUID.class)
			.optional()
			.map(this::barriersByTeam)
			.orElse(List.of());
	}

	/**
	 * @return the ADKAR survey's barriers by team (teams of at least the privacy minimum
	 * of answers), the teams with the largest barrier first
	 */
	public List<TeamBarriers> barriersByTeam(UUID surveyId) {
		Results results = results(surveyId);
		if (results.survey().kind() != Kind.ADKAR) {
			throw new InvalidInputException("survey", "Barriers come from an ADKAR survey.");
		}
		return results.teams()
			.stream()
			.filter(g -> !g.hidden())
			.map(g -> new TeamBarriers(g.name(), g.answers(), g.barrierShares(), g.topBarrier()))
			.sorted(Comparator
				.comparing((TeamBarriers t) -> t.topBarrier() == null ? 0 : -t.barrierShares().get(t.topBarrier()))
				.thenComparing(TeamBarriers::team))
			.toList();
	}

	private static final String SURVEYS = """
			select s.id, s.kind, s.title, s.question, s.options, s.audience_roles, s.audience_teams, s.sample_percent,
			    s.seed, s.created_at, s.closed_at,
			    (select count(*) from programme_survey_invitations i where i.survey_id = s.id) as asked,
			    (select count(*) from programme_survey_invitations i where i.survey_id = s.id
			        and i.answered_on is not null) as answered
			from programme_surveys s""";

	private static Survey survey(ResultSet rs, int row) throws SQLException {
		OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
		return new Survey(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("question"), texts(rs.getArray("options")), texts(rs.getArray("audience_roles")),
				texts(rs.getArray("audience_teams")), rs.getInt("sample_percent"), rs.getLong("seed"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				closed == null ? null : closed.toInstant(), rs.getLong("asked"), rs.getLong("answered"));
	}

	private static List<String> texts(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	private static List<Integer> ints(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
	}

	/** The kinds of survey. */
	public enum Kind {

		/** Five questions, one per ADKAR stage, 1–5. */
		ADKAR,
		/** How likely the person recommends the CRM to a colleague, 0–10. */
		NPS,
		/** One question, one of the lead's options. */
		POLL

	}

	/** The ADKAR stages, in order, with the question each asks. */
	public enum Stage {

		AWARENESS("Awareness", "I understand why the company uses the CRM."),
		DESIRE("Desire", "I want to use the CRM in my daily work."),
		KNOWLEDGE("Knowledge", "I know how to do my work in the CRM."),
		ABILITY("Ability", "I am able to do my work in the CRM day to day."),
		REINFORCEMENT("Reinforcement", "Using the CRM is recognised and expected around me.");

		private final String label;

		private final String question;

		Stage(String label, String question) {
			this.label = label;
			this.question = question;
		}

		public String label() {
			return this.label;
		}

		public String question() {
			return this.question;
		}

	}

	/** Where a person stands with a survey. */
	public enum Standing {

		NOT_ASKED, WAITING, ANSWERED, CLOSED

	}

	/**
	 * A survey to launch.
	 *
	 * @param question the poll's question (polls only)
	 * @param options the poll's options (polls only)
	 * @param roles the audience's roles (role names), none for every role
	 * @param teams the audience's teams, none for every team
	 * @param samplePercent the share of the audience asked, 0–100
	 * @param seed makes the sample reproducible; {@code null} for one drawn from the id
	 */
	public record SurveyForm(Kind kind, String title, String question, List<String> options, List<String> roles,
			List<String> teams, Integer samplePercent, Long seed) {
	}

	/**
	 * An answer: ADKAR's five scores in stage order, NPS's one score, or a poll's option
	 * (its index, from 0).
	 */
	public record AnswerForm(List<Integer> scores, Integer option) {
	}

	/**
	 * A survey and how many were asked and answered.
	 */
	public record Survey(UUID id, Kind kind, String title, String question, List<String> options, List<String> roles,
			List<String> teams, int samplePercent, long seed, Instant createdAt, Instant closedAt, long asked,
			long answered) {

		public boolean closed() {
			return this.closedAt != null;
		}

		public Double responseRate() {
			return this.asked == 0 ? null : (double) this.answered / this.asked;
		}

	}

	record AnswerRow(String team, UUID wave, List<Integer> scores, Integer option) {
	}

	/**
	 * A group's aggregate results; with fewer answers than the privacy minimum,
	 * {@code hidden} and every figure empty.
	 *
	 * @param answers how many answered; {@code null} when hidden
	 * @param barrierShares ADKAR: per stage, the share of answers of 3 or less
	 * @param topBarrier ADKAR: the stage with the largest share of barriers (the earliest
	 * on a tie), {@code null} without any barrier
	 * @param promoters NPS: share answering 9–10
	 * @param detractors NPS: share answering 0–6
	 * @param nps NPS: % promoters − % detractors, −100 to 100
	 * @param optionCounts poll: answers per option, in the options' order
	 */
	public record Group(String name, boolean hidden, Integer answers, Map<Stage, Double> barrierShares,
			Stage topBarrier, Double promoters, Double detractors, Double nps, List<Long> optionCounts) {
	}

	/**
	 * A survey's results: everyone's, each team's and each rollout wave's, aggregates
	 * only.
	 *
	 * @param waves by the waves' order, then {@value #NO_WAVE}; only the waves someone
	 * answered in
	 */
	public record Results(Survey survey, int minimumGroupSize, Group overall, List<Group> teams, List<Group> waves) {

		public long hiddenTeams() {
			return this.teams.stream().filter(Group::hidden).count();
		}

		public long hiddenWaves() {
			return this.waves.stream().filter(Group::hidden).count();
		}

	}

	/**
	 * An ADKAR survey's barriers for a committee's agenda.
	 *
	 * @param overall everyone's figures (hidden under the privacy minimum)
	 * @param teams the teams shown, the largest top barrier first
	 * @param hiddenTeams the teams left out, fewer answers than the privacy minimum
	 */
	public record SurveyBarriers(Survey survey, int minimumGroupSize, Group overall, List<TeamBarriers> teams,
			long hiddenTeams) {
	}

	/**
	 * A team's ADKAR barriers: share of answers of 3 or less per stage, and the top one.
	 */
	public record TeamBarriers(String team, int answers, Map<Stage, Double> barrierShares, Stage topBarrier) {
	}

	static List<String> stageLabels() {
		return Arrays.stream(Stage.values()).map(Stage::label).collect(Collectors.toList());
	}

}
