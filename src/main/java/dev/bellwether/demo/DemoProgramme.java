package dev.bellwether.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.programme.Champions;
import dev.bellwether.programme.Communications;
import dev.bellwether.programme.ProgrammeCharter;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.ProgrammeMessage.AdkarStage;
import dev.bellwether.programme.ProgrammeMessage.Channel;
import dev.bellwether.programme.ProgrammeMessage.SenderKind;
import dev.bellwether.programme.PulseSurveys;
import dev.bellwether.programme.RolloutWaves;
import dev.bellwether.programme.SteeringCommittee;
import dev.bellwether.programme.SteeringCommittee.ActionDetails;
import dev.bellwether.programme.SteeringCommittee.ActionStatus;
import dev.bellwether.programme.SteeringCommittee.MeetingDetails;
import dev.bellwether.programme.Wave;
import dev.bellwether.programme.WaveDetails;
import dev.bellwether.programme.WaveGates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo company's adoption programme, under way (docs/programme.md, "Demo programme"):
 * Marcus Hale ({@code vp.sales}) leads it, with the chief executive as its sponsor; a
 * published charter; a steering committee with five past meetings, their decisions and
 * actions (some overdue) and the next meeting's agenda; rollout waves — the executives
 * and Sales North, South and West passed, Sales East failed its adoption gate after its
 * manager stopped using Bellwether ({@link DemoUsage#stoppedOn}) and the team followed;
 * champions in every sales team but East; message queues, the e-mail one running dry; and
 * an ADKAR pulse survey whose results put East's barrier at Ability.
 * <p>
 * Everything is made through the programme module's public services, acting as the lead,
 * so that their rules hold; then the story's past is dated back with SQL (the services
 * date what they write now). The same for the same seed and day: nothing here is random.
 */
@Component
class DemoProgramme {

	static final String LEAD = "vp.sales";

	/** The wave whose gate fails: the fading region's. */
	static final String FAILED_WAVE = "Sales " + DemoUsage.FADING_REGION;

	/** The regions in the order their waves opened. */
	static final List<String> REGION_ORDER = List.of("North", "South", "West", DemoUsage.FADING_REGION);

	/** Days before the seeding day each wave opened, and closed. */
	static final int[][] WAVE_DAYS = { { 196, 182 }, { 182, 154 }, { 154, 126 }, { 126, 98 }, { 98, 14 } };

	/** The pulse survey was launched this many days before the seeding day. */
	static final int SURVEY_DAYS_AGO = 63;

	static final int SURVEY_CLOSED_DAYS_AGO = 49;

	/** Who did not answer the survey: the lapsed manager, and a weekly user. */
	static final List<String> NOT_ANSWERED = List.of("mgr.east", "rep.south4");

	/**
	 * Each answer of the pulse survey: Awareness, Desire, Knowledge, Ability,
	 * Reinforcement (3 or less is a barrier). East's reps cannot do their work in the CRM
	 * day to day since their manager stopped running the pipeline review in it.
	 */
	static final Map<String, List<Integer>> ANSWERS = answers();

	private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);

	private final ProgrammeLeads leads;

	private final ProgrammeCharter charter;

	private final SteeringCommittee committee;

	private final RolloutWaves waves;

	private final Champions champions;

	private final Communications communications;

	private final PulseSurveys surveys;

	private final UserDirectory users;

	private final FiscalCalendar calendar;

	private final JdbcTemplate jdbc;

	DemoProgramme(ProgrammeLeads leads, ProgrammeCharter charter, SteeringCommittee committee, RolloutWaves waves,
			Champions champions, Communications communications, PulseSurveys surveys, UserDirectory users,
			FiscalCalendar calendar, DataSource dataSource) {
		this.leads = leads;
		this.charter = charter;
		this.committee = committee;
		this.waves = waves;
		this.champions = champions;
		this.communications = communications;
		this.surveys = surveys;
		this.users = users;
		this.calendar = calendar;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * What was seeded, for the log and the tests.
	 */
	record Seeded(UUID surveyId, List<UUID> waveIds, List<UUID> meetingIds) {
	}

	/**
	 * Seeds the programme, in the caller's transaction, after the demo's people and their
	 * usage.
	 * @param admin acts where only an administrator may: flagging the lead
	 * @param ids the demo's people by username
	 * @param day the seeding day: the story ends the day before
	 */
	Seeded seed(Viewer admin, Map<String, UUID> ids, LocalDate day) {
		long started = System.nanoTime();
		this.leads.designate(admin, ids.get(LEAD));
		Viewer lead = viewer(ids.get(LEAD));
		seedCharter(lead, ids, day);
		List<UUID> waveIds = seedWaves(lead, ids, day);
		seedChampions(lead, ids, day);
		UUID surveyId = seedSurvey(lead, ids, day);
		List<UUID> meetingIds = seedCommittee(lead, ids, day);
		seedMessages(lead, ids);
		log.info("Demo programme: {} waves, {} meetings, survey {} in {} ms", waveIds.size(), meetingIds.size(),
				surveyId, (System.nanoTime() - started) / 1_000_000);
		return new Seeded(surveyId, waveIds, meetingIds);
	}

	/**
	 * The charter, published by the lead a week before the first wave; everyone in a wave
	 * that passed accepted it the day after their wave opened.
	 */
	private void seedCharter(Viewer lead, Map<String, UUID> ids, LocalDate day) {
		Map<Role, String> wiifm = new EnumMap<>(Role.class);
		wiifm.put(Role.ADMIN, "One place to keep users, pipeline stages and picklists right, instead of five "
				+ "spreadsheets that disagree.");
		wiifm.put(Role.EXECUTIVE, "The forecast and the pipeline as they are today, without asking anyone for a "
				+ "spreadsheet; the adoption figures tell you how far to trust them.");
		wiifm.put(Role.MANAGER, "Your weekly pipeline review runs from the board: no more chasing reps for "
				+ "updates, and you see which deals need you.");
		wiifm.put(Role.REP, "Log a call once and it is in your forecast, your manager's review and the account's "
				+ "history: no Friday spreadsheet.");
		wiifm.put(Role.SALES_ADMIN,
				"Clean data you can fix at the source, and the quotas and forecasts built " + "from it.");
		wiifm.put(Role.MARKETING, "See which campaigns' leads become won deals, not only clicks.");
		wiifm.put(Role.SERVICE, "The customer's deals and history beside each case, and the sales owner to call.");
		ProgrammeCharter.Draft draft = this.charter.draft(lead);
		draft = this.charter.saveDraft(lead, new ProgrammeCharter.CharterText(
				"Bellwether is where Bellwether Demo Inc. runs its sales: every account, deal and customer "
						+ "conversation in one place, so that the forecast the board sees is the pipeline the reps work.",
				"Forecasts rebuilt by hand every Friday; deals that live in inboxes; a new manager who inherits "
						+ "no history; customer service that cannot see what sales promised.",
				"Forecast accuracy within 10% by the end of the year; two hours a week back for every rep and "
						+ "manager; no deal entered only when it closes.",
				wiifm), draft.version());
		int version = this.charter.publish(lead, draft.version()).number();
		Instant published = at(day.minusDays(WAVE_DAYS[0][0] + 7), 10);
		this.jdbc.update("update programme_charter_versions set published_at = ?", utc(published));
		this.jdbc.update("update programme_charter_drafts set updated_at = ?", utc(published));
		List<List<String>> accepted = new ArrayList<>();
		accepted.add(List.of("ceo", LEAD));
		for (String region : REGION_ORDER) {
			if (region.equals(DemoUsage.FADING_REGION)) {
				continue;
			}
			accepted.add(region(region));
		}
		for (int w = 0; w < accepted.size(); w++) {
			for (String username : accepted.get(w)) {
				this.charter.accept(viewer(ids.get(username)), version);
				this.jdbc.update("update programme_charter_acceptances set accepted_at = ? where user_id = ?",
						utc(at(day.minusDays(WAVE_DAYS[w][0] - 1), 9)), ids.get(username));
			}
		}
	}

	/**
	 * The waves, opened and closed one after the other through {@link RolloutWaves} —
	 * which judges each wave's gates as of today, when the story's figures are the same
	 * as on its closing day — then dated back to the story's days. A sixth wave, the head
	 * office's other teams, is planned: opening it needs a reason, as East failed.
	 */
	private List<UUID> seedWaves(Viewer lead, Map<String, UUID> ids, LocalDate day) {
		WaveGates regional = new WaveGates(14, BigDecimal.valueOf(80), BigDecimal.valueOf(80), null);
		List<WaveDetails> details = new ArrayList<>();
		details.add(new WaveDetails("Executives", 1, List.of(0, 1), List.of("Executive", "Sales"), List.of(),
				day.minusDays(WAVE_DAYS[0][0]), regional));
		for (int r = 0; r < REGION_ORDER.size(); r++) {
			details.add(new WaveDetails("Sales " + REGION_ORDER.get(r), r + 2, List.of(),
					List.of("Sales " + REGION_ORDER.get(r)), List.of(), day.minusDays(WAVE_DAYS[r + 1][0]), regional));
		}
		List<UUID> waveIds = new ArrayList<>();
		for (WaveDetails wave : details) {
			waveIds.add(this.waves.create(lead, wave).id());
		}
		UUID planned = this.waves
			.create(lead,
					new WaveDetails("Service, marketing and operations", details.size() + 1, List.of(),
							List.of("Service", "Marketing", "Sales Operations"), List.of(), day.plusDays(21), regional))
			.id();
		for (int w = 0; w < waveIds.size(); w++) {
			UUID id = waveIds.get(w);
			// each wave opens after the one before passed: no reason is needed, and one
			// given is kept only if a wave before had not passed
			this.waves.open(lead, id, "Opened as the steering committee decided.");
			this.jdbc.update("update programme_waves set opened_at = ?, created_at = ?, updated_at = ? where id = ?",
					utc(at(day.minusDays(WAVE_DAYS[w][0]), 9)), utc(at(day.minusDays(WAVE_DAYS[w][0] + 14), 11)),
					utc(at(day.minusDays(WAVE_DAYS[w][0]), 9)), id);
			Wave closed = this.waves.close(lead, id);
			log.debug("Demo wave {}: {}", closed.name(), closed.status());
			this.jdbc.update("update programme_waves set closed_at = ?, updated_at = ? where id = ?",
					utc(at(day.minusDays(WAVE_DAYS[w][1]), 16)), utc(at(day.minusDays(WAVE_DAYS[w][1]), 16)), id);
		}
		this.jdbc.update("update programme_waves set created_at = ?, updated_at = ? where id = ?",
				utc(at(day.minusDays(WAVE_DAYS[WAVE_DAYS.length - 1][1]), 17)),
				utc(at(day.minusDays(WAVE_DAYS[WAVE_DAYS.length - 1][1]), 17)), planned);
		List<UUID> all = new ArrayList<>(waveIds);
		all.add(planned);
		return all;
	}

	/**
	 * A champion in each sales team but East's (whose wave failed), and in the service
	 * team: the teams without one are below the ratio.
	 */
	private void seedChampions(Viewer lead, Map<String, UUID> ids, LocalDate day) {
		Map<String, String> chosen = new LinkedHashMap<>();
		chosen.put("rep.north1", "Sales North");
		chosen.put("rep.south3", "Sales South");
		chosen.put("rep.west1", "Sales West");
		chosen.put("agent1", "Service");
		int w = 1;
		for (Map.Entry<String, String> champion : chosen.entrySet()) {
			Champions.Champion made = this.champions.designate(lead, ids.get(champion.getKey()), champion.getValue());
			// the week their wave opened (the service team's champion with West's)
			OffsetDateTime since = utc(at(day.minusDays(WAVE_DAYS[Math.min(w, 3)][0] - 7), 12));
			this.jdbc.update("update programme_champions set created_at = ?, updated_at = ? where id = ?", since, since,
					made.id());
			w++;
		}
	}

	/**
	 * An ADKAR pulse of the four sales teams, after East's manager had stopped, answered
	 * by all but two ({@link #NOT_ANSWERED}) and closed two weeks later; each person's
	 * survey notification dated with it, read by those who answered.
	 */
	private UUID seedSurvey(Viewer lead, Map<String, UUID> ids, LocalDate day) {
		List<String> teams = REGION_ORDER.stream().map(r -> "Sales " + r).toList();
		PulseSurveys.Survey survey = this.surveys.launch(lead, new PulseSurveys.SurveyForm(PulseSurveys.Kind.ADKAR,
				"Sales teams pulse", null, null, List.of(), teams, 100, 20260101L));
		for (Map.Entry<String, List<Integer>> answer : ANSWERS.entrySet()) {
			this.surveys.answer(viewer(ids.get(answer.getKey())), survey.id(),
					new PulseSurveys.AnswerForm(answer.getValue(), null));
		}
		this.surveys.close(lead, survey.id());
		OffsetDateTime launched = utc(at(day.minusDays(SURVEY_DAYS_AGO), 9));
		LocalDate answeredOn = day.minusDays(SURVEY_DAYS_AGO - 1);
		OffsetDateTime answered = answeredOn.atStartOfDay().atOffset(ZoneOffset.UTC);
		OffsetDateTime closed = utc(at(day.minusDays(SURVEY_CLOSED_DAYS_AGO), 17));
		this.jdbc.update("update programme_surveys set created_at = ?, updated_at = ?, closed_at = ? where id = ?",
				launched, closed, closed, survey.id());
		this.jdbc
			.update("update programme_survey_invitations set asked_at = ?, answered_on = case when answered_on is null "
					+ "then null else ?::date end where survey_id = ?", launched, answeredOn, survey.id());
		this.jdbc.update("update programme_survey_answers set created_at = ?, updated_at = ? where survey_id = ?",
				answered, answered, survey.id());
		String link = "/programme/pulse/" + survey.id();
		this.jdbc.update("update notifications set created_at = ? where link = ?", launched, link);
		this.jdbc.update("""
				update notifications n set read_at = ? where n.link = ? and exists (select 1
				  from programme_survey_invitations i where i.survey_id = ? and i.user_id = n.user_id
				  and i.answered_on is not null)""", utc(at(answeredOn, 10)), link, survey.id());
		return survey.id();
	}

	/**
	 * The steering committee: the sponsor (the chief executive, designated in the
	 * adoption module), the lead, sales operations and two regional managers; five past
	 * meetings with attendance, decisions and actions (some done, some overdue), and the
	 * next meeting with its agenda generated from today's figures.
	 */
	private List<UUID> seedCommittee(Viewer lead, Map<String, UUID> ids, LocalDate day) {
		for (String member : List.of(LEAD, "salesadmin", "mgr.north", "mgr.west")) {
			this.committee.addMember(lead, ids.get(member));
		}
		UUID ceo = ids.get(DemoUsage.SPONSOR);
		List<UUID> meetings = new ArrayList<>();
		UUID kickOff = meeting(lead, day.minusDays(203), "Kick-off: the charter and the waves", ceo, ids,
				List.of("ceo", LEAD, "salesadmin", "mgr.north", "mgr.west"));
		decision(lead, kickOff, "Roll out top down: the executives first, then the regions one at a time — North, "
				+ "South, West, East. Every wave's gates: 80% activated within 14 days, an adoption rate of 80%.");
		action(lead, kickOff, "Publish the charter", ids.get(LEAD), day.minusDays(196), true);
		action(lead, kickOff, "Prepare Sales North's onboarding sessions", ids.get("mgr.north"), day.minusDays(185),
				true);
		meetings.add(kickOff);
		UUID north = meeting(lead, day.minusDays(154), "Gate review: Sales North", ceo, ids,
				List.of("ceo", LEAD, "salesadmin", "mgr.north"));
		decision(lead, north, "Sales North passed its gates; Sales South opens today.");
		action(lead, north, "Designate a champion in every sales team", ids.get("salesadmin"), day.minusDays(120),
				true);
		meetings.add(north);
		UUID west = meeting(lead, day.minusDays(98), "Gate review: Sales West; Sales East opens", ceo, ids,
				List.of("ceo", LEAD, "salesadmin", "mgr.north", "mgr.west"));
		decision(lead, west, "Sales West passed its gates; Sales East opens today, the last sales wave.");
		action(lead, west, "Run an ADKAR pulse survey in the four sales teams", ids.get(LEAD), day.minusDays(63), true);
		meetings.add(west);
		UUID slipping = meeting(lead, day.minusDays(42), "Sales East is slipping", ceo, ids,
				List.of("ceo", LEAD, "salesadmin", "mgr.west"));
		decision(lead, slipping,
				"Priya Nair (Sales East's manager) has not used Bellwether since "
						+ day.minusDays(DemoUsage.MANAGER_STOPPED_DAYS_AGO)
						+ "; her reps are following. The pulse survey puts East's barrier at Ability: they know how, "
						+ "but their pipeline review no longer runs in Bellwether.");
		action(lead, slipping, "Find a champion for Sales East", ids.get(LEAD), day.minusDays(28), false);
		action(lead, slipping, "Pair East's reps with North's champion for their pipeline reviews",
				ids.get("mgr.north"), day.minusDays(21), false);
		meetings.add(slipping);
		UUID failed = meeting(lead, day.minusDays(14), "Gate review: Sales East failed", ceo, ids,
				List.of("ceo", LEAD, "salesadmin", "mgr.north", "mgr.west"));
		// what the wave's figures say as of its closing day
		Wave east = this.waves.list().stream().filter(w -> w.name().equals(FAILED_WAVE)).findFirst().orElseThrow();
		String rate = this.waves.figures(east)
			.gates()
			.stream()
			.filter(g -> !g.met())
			.map(g -> g.label().toLowerCase(java.util.Locale.ROOT) + " " + g.valueText() + " against " + g.target())
			.collect(java.util.stream.Collectors.joining(", "));
		decision(lead, failed, "Sales East's wave closes as failed: " + rate
				+ ". The service, marketing and operations wave waits until East is re-planned.");
		action(lead, failed, "Talk with Priya Nair about running her pipeline review in Bellwether again",
				ids.get(LEAD), day.minusDays(7), false);
		action(lead, failed, "Refill the e-mail queue for the next month", ids.get("salesadmin"), day.plusDays(7),
				false);
		meetings.add(failed);
		// the next meeting, its agenda from today's figures
		UUID next = this.committee
			.create(lead, new MeetingDetails(day.plusDays(14), "Re-plan Sales East", ceo, null, List.of()))
			.id();
		this.committee.generateAgenda(lead, next);
		this.jdbc.update("update programme_committee_meetings set created_at = ?, updated_at = ? where id = ?",
				utc(at(day.minusDays(14), 17)), utc(at(day.minusDays(14), 17)), next);
		meetings.add(next);
		return meetings;
	}

	private UUID meeting(Viewer lead, LocalDate heldOn, String title, UUID chair, Map<String, UUID> ids,
			List<String> attended) {
		UUID id = this.committee.create(lead, new MeetingDetails(heldOn, title, chair, null, List.of())).id();
		this.committee.recordAttendance(lead, id, attended.stream().map(ids::get).toList());
		OffsetDateTime planned = utc(at(heldOn.minusDays(7), 11));
		OffsetDateTime held = utc(at(heldOn, 15));
		this.jdbc.update("update programme_committee_meetings set created_at = ?, updated_at = ? where id = ?", planned,
				planned, id);
		this.jdbc.update("update programme_committee_attendance set updated_at = ? where meeting_id = ?", held, id);
		return id;
	}

	private void decision(Viewer lead, UUID meeting, String text) {
		UUID id = this.committee.addDecision(lead, meeting, text).id();
		this.jdbc.update("""
				update programme_committee_decisions d set created_at = m.held_on + time '15:30',
				  updated_at = m.held_on + time '15:30'
				from programme_committee_meetings m where m.id = d.meeting_id and d.id = ?""", id);
	}

	private void action(Viewer lead, UUID meeting, String text, UUID owner, LocalDate dueOn, boolean done) {
		SteeringCommittee.Action action = this.committee.addAction(lead, meeting,
				new ActionDetails(text, owner, dueOn));
		if (done) {
			action = this.committee.setActionStatus(lead, action.id(), ActionStatus.DONE, action.version());
			this.jdbc.update("update programme_committee_actions set done_at = ? where id = ?",
					utc(at(dueOn.minusDays(1), 14)), action.id());
		}
		this.jdbc.update("""
				update programme_committee_actions a set created_at = m.held_on + time '15:45',
				  updated_at = coalesce(a.done_at, m.held_on + time '15:45')
				from programme_committee_meetings m where m.id = a.meeting_id and a.id = ?""", action.id());
	}

	/**
	 * The queues: banners, announcements and managers' talking points stocked for weeks,
	 * the e-mail queue running dry in six days.
	 */
	private void seedMessages(Viewer lead, Map<String, UUID> ids) {
		LocalDate today = this.communications.today();
		UUID sponsor = ids.get(DemoUsage.SPONSOR);
		List<String> sales = List.of(Role.REP.name(), Role.MANAGER.name());
		String why = "Why we run sales in Bellwether";
		String review = "Your pipeline review runs in Bellwether";
		message(lead, "The forecast the board sees is your pipeline",
				"Every Monday the board reads the forecast straight from Bellwether. Keep your deals current and "
						+ "it is your forecast they read.",
				Channel.IN_APP_BANNER, SenderKind.SPONSOR, sponsor, AdkarStage.AWARENESS, today.plusDays(3), why, sales,
				List.of());
		message(lead, "Two hours back every week",
				"No Friday spreadsheet: what you log during the week is already in your forecast.",
				Channel.IN_APP_BANNER, SenderKind.SPONSOR, sponsor, AdkarStage.DESIRE, today.plusDays(10), why, sales,
				List.of());
		message(lead, "Move a deal from the board",
				"Drag a deal to its next stage on the pipeline board: it is "
						+ "logged, dated and in your manager's review.",
				Channel.IN_APP_BANNER, SenderKind.MANAGER, null, AdkarStage.ABILITY, today.plusDays(17), review, sales,
				List.of());
		message(lead, "What the pipeline review looks at",
				"Your manager's review starts from the board: stale deals, next steps, the forecast category.",
				Channel.IN_APP_BANNER, SenderKind.MANAGER, null, AdkarStage.KNOWLEDGE, today.plusDays(24), review,
				sales, List.of());
		message(lead, "Sales East's relaunch",
				"Sales East starts again with a pipeline review in Bellwether every Monday, with Sales North's "
						+ "champion alongside.",
				Channel.ANNOUNCEMENT, SenderKind.USER, ids.get(LEAD), AdkarStage.REINFORCEMENT, today.plusDays(7),
				review, List.of(), List.of("Sales East"));
		message(lead, "Forecast accuracy this quarter",
				"Where the forecast landed against what was won, team by team — and what made the difference.",
				Channel.ANNOUNCEMENT, SenderKind.SPONSOR, sponsor, AdkarStage.REINFORCEMENT, today.plusDays(21), why,
				List.of(Role.EXECUTIVE.name(), Role.SALES_ADMIN.name(), Role.MANAGER.name(), Role.REP.name()),
				List.of());
		message(lead, "The service, marketing and operations wave",
				"What changes for the head office's teams, and when their wave starts.", Channel.ANNOUNCEMENT,
				SenderKind.USER, ids.get(LEAD), AdkarStage.AWARENESS, today.plusDays(35), why, List.of(),
				List.of("Service", "Marketing", "Sales Operations"));
		for (int week = 0; week < 3; week++) {
			message(lead, "Talking points: the pipeline review, week " + (week + 1),
					"Open the review from the board; ask for the next step of every deal in Commit; praise the deals "
							+ "kept current.",
					Channel.TALKING_POINTS, SenderKind.MANAGER, null, AdkarStage.ABILITY,
					today.plusDays(5 + 14L * week), review, List.of(Role.REP.name()), List.of());
		}
		message(lead, "Your pipeline review in Bellwether",
				"This Monday's review runs from the board. Five minutes before: move your deals, add next steps.",
				Channel.EMAIL, SenderKind.MANAGER, null, AdkarStage.ABILITY, today.plusDays(2), review, sales,
				List.of());
		message(lead, "Why the board reads the forecast in Bellwether",
				"A note from Catherine Wells on the forecast, and what it asks of every seller.", Channel.EMAIL,
				SenderKind.SPONSOR, sponsor, AdkarStage.AWARENESS, today.plusDays(6), why, sales, List.of());
	}

	private void message(Viewer lead, String title, String body, Channel channel, SenderKind senderKind, UUID senderId,
			AdkarStage stage, LocalDate sendOn, String keyMessage, List<String> roles, List<String> teams) {
		this.communications.create(lead, new Communications.MessageDraft(title, body, channel, senderKind, senderId,
				stage, sendOn, keyMessage, roles, teams));
	}

	private Viewer viewer(UUID id) {
		User user = this.users.find(id).orElseThrow();
		return Viewer.of(user);
	}

	/** The hour of the day, in the company's time zone. */
	private Instant at(LocalDate day, int hour) {
		return this.calendar.startOf(day).plus(Duration.ofHours(hour));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** The region's manager and reps, by username. */
	static List<String> region(String region) {
		String name = region.toLowerCase(java.util.Locale.ROOT);
		List<String> people = new ArrayList<>();
		people.add("mgr." + name);
		for (int n = 1; n <= 5; n++) {
			people.add("rep." + name + n);
		}
		return people;
	}

	private static Map<String, List<Integer>> answers() {
		Map<String, List<Integer>> answers = new LinkedHashMap<>();
		// North: at ease, one rep unsure how
		answers.put("mgr.north", List.of(5, 5, 5, 5, 5));
		answers.put("rep.north1", List.of(5, 5, 5, 5, 4));
		answers.put("rep.north2", List.of(5, 4, 4, 5, 4));
		answers.put("rep.north3", List.of(4, 4, 3, 4, 4));
		answers.put("rep.north4", List.of(5, 5, 4, 4, 5));
		answers.put("rep.north5", List.of(4, 4, 4, 4, 4));
		// South: two unsure how, one not recognised for it
		answers.put("mgr.south", List.of(5, 4, 4, 4, 4));
		answers.put("rep.south1", List.of(4, 4, 3, 4, 4));
		answers.put("rep.south2", List.of(5, 5, 4, 5, 3));
		answers.put("rep.south3", List.of(5, 5, 5, 5, 5));
		answers.put("rep.south5", List.of(4, 4, 3, 4, 4));
		// West: one rep not keen, one not recognised for it
		answers.put("mgr.west", List.of(5, 5, 5, 5, 5));
		answers.put("rep.west1", List.of(5, 5, 5, 5, 5));
		answers.put("rep.west2", List.of(4, 4, 4, 4, 3));
		answers.put("rep.west3", List.of(5, 4, 4, 5, 4));
		answers.put("rep.west4", List.of(4, 3, 4, 4, 4));
		answers.put("rep.west5", List.of(4, 4, 4, 4, 4));
		// East: they know why and how, but cannot do it day to day
		answers.put("rep.east1", List.of(4, 4, 4, 2, 4));
		answers.put("rep.east2", List.of(4, 3, 3, 2, 2));
		answers.put("rep.east3", List.of(5, 4, 4, 3, 3));
		answers.put("rep.east4", List.of(4, 4, 4, 2, 4));
		answers.put("rep.east5", List.of(5, 4, 4, 3, 4));
		return java.util.Collections.unmodifiableMap(answers);
	}

}
