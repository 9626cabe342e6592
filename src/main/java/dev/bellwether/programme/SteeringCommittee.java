package dev.bellwether.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.adoption.Cascade;
import dev.bellwether.adoption.Headline;
import dev.bellwether.adoption.Health;
import dev.bellwether.adoption.LateEntry;
import dev.bellwether.adoption.LevelFigures;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.adoption.TimeToFirstValue;
import dev.bellwether.adoption.UserHealth;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.sales.PipelineHygiene;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steering committee of the adoption programme: the executive sponsors (the adoption
 * module's) and the members a programme lead chooses; its meetings, each with a chair, an
 * agenda whose figures are taken from the live adoption figures when the agenda is
 * generated and then kept as they were, attendance, decisions and actions (owner, due
 * date, open or done; an open action past its due date is overdue).
 * <p>
 * Programme leads, committee members and sponsors see the committee; only leads change
 * it.
 */
@Service
@Transactional(readOnly = true)
public class SteeringCommittee {

	public static final String MEETING = "committee meeting";

	public static final String ACTION = "committee action";

	/** Freshness: a deal is fresh when touched within this many days. */
	public static final int FRESH_DAYS = 30;

	/** Late entry is measured over the deals closed in this many days ending today. */
	public static final int LATE_ENTRY_DAYS = 90;

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final ProgrammeLeads leads;

	private final AdoptionSponsors sponsors;

	private final AdoptionMetrics metrics;

	private final PulseSurveys pulse;

	private final PrivacyPolicy privacy;

	private final Clock clock;

	SteeringCommittee(JdbcClient jdbc, UserDirectory users, ProgrammeLeads leads, AdoptionSponsors sponsors,
			AdoptionMetrics metrics, PulseSurveys pulse, PrivacyPolicy privacy, Clock clock) {
		this.privacy = privacy;
		this.jdbc = jdbc;
		this.users = users;
		this.leads = leads;
		this.sponsors = sponsors;
		this.metrics = metrics;
		this.pulse = pulse;
		this.clock = clock;
	}

	/**
	 * @return today in the company's time zone: an open action due before it is overdue
	 */
	public LocalDate today() {
		return this.metrics.today();
	}

	/**
	 * What each active executive sponsor visibly did for the CRM in the 14 days ending
	 * today: the figure the sponsor-inactivity alert reads
	 * ({@link AdoptionSponsors#activity}). A sponsor's activity is their own figure:
	 * under an aggregate-only privacy policy each sponsor sees their own and nobody
	 * else's.
	 * @throws ForbiddenException for anyone who may not see the committee
	 */
	public List<AdoptionSponsors.SponsorActivity> sponsorActivity(Viewer viewer) {
		requireView(viewer);
		List<AdoptionSponsors.SponsorActivity> activity = this.sponsors.activity(today());
		if (this.privacy.aggregateOnly()) {
			return activity.stream().filter(a -> a.sponsor().userId().equals(viewer.id())).toList();
		}
		return activity;
	}

	/**
	 * @return whether the privacy policy hides other sponsors' activity from everyone
	 */
	public boolean sponsorActivityHidden() {
		return this.privacy.aggregateOnly();
	}

	public boolean isMember(UUID userId) {
		return this.jdbc.sql("select exists (select 1 from programme_committee_members where user_id = :id)")
			.param("id", userId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * @return whether the viewer sees the committee: a programme lead, a member or an
	 * executive sponsor
	 */
	public boolean canView(Viewer viewer) {
		return viewer != null
				&& (this.leads.isLead(viewer) || isMember(viewer.id()) || this.sponsors.isSponsor(viewer.id()));
	}

	public void requireView(Viewer viewer) {
		if (!canView(viewer)) {
			throw new ForbiddenException(
					"Only programme leads, steering committee members and executive sponsors see the committee.");
		}
	}

	/**
	 * @return the committee: sponsors first (designated in the adoption module), then the
	 * members, by name
	 */
	public List<CommitteeMember> members(Viewer viewer) {
		requireView(viewer);
		return members();
	}

	List<CommitteeMember> members() {
		List<CommitteeMember> all = new ArrayList<>();
		Set<UUID> seen = new java.util.HashSet<>();
		this.sponsors.list().forEach(sponsor -> {
			seen.add(sponsor.userId());
			all.add(new CommitteeMember(sponsor.userId(), sponsor.fullName(), sponsor.title(), true, false,
					sponsor.active()));
		});
		List<UUID> ids = this.jdbc.sql("select user_id from programme_committee_members").query(UUID.class).list();
		List<CommitteeMember> chosen = new ArrayList<>();
		for (UUID id : ids) {
			this.users.find(id).ifPresent(user -> {
				if (seen.contains(id)) {
					all.replaceAll(m -> m.userId().equals(id)
							? new CommitteeMember(id, m.fullName(), m.title(), true, true, m.active()) : m);
				}
				else {
					chosen.add(new CommitteeMember(id, user.fullName(), user.title(), false, true, user.active()));
				}
			});
		}
		chosen.sort(Comparator.comparing((CommitteeMember m) -> m.fullName().toLowerCase(Locale.ROOT))
			.thenComparing(m -> m.userId().toString()));
		all.addAll(chosen);
		return all;
	}

	/**
	 * Adds a member; adding one again changes nothing.
	 * @throws InvalidInputException for an unknown or deactivated user, or an integration
	 * account
	 */
	@Transactional
	public void addMember(Viewer viewer, UUID userId) {
		this.leads.requireLead(viewer);
		User user = activePerson("userId", userId);
		this.jdbc.sql("""
				insert into programme_committee_members (user_id, created_at, created_by) values (:id, :at, :by)
				on conflict (user_id) do nothing
				""").param("id", user.id()).param("at", now()).param("by", viewer.id()).update();
	}

	@Transactional
	public boolean removeMember(Viewer viewer, UUID userId) {
		this.leads.requireLead(viewer);
		return this.jdbc.sql("delete from programme_committee_members where user_id = :id")
			.param("id", userId)
			.update() > 0;
	}

	/**
	 * Plans a meeting. Its invitees are the chair, the given attendees, and when none are
	 * given the committee (sponsors and members).
	 * @throws InvalidInputException with no date, no title, no chair, or an unknown
	 * person
	 */
	@Transactional
	public Meeting create(Viewer viewer, MeetingDetails details) {
		this.leads.requireLead(viewer);
		Map<String, String> errors = new LinkedHashMap<>();
		if (details.heldOn() == null) {
			errors.put("heldOn", "Give the meeting's date.");
		}
		if (details.title() == null || details.title().isBlank()) {
			errors.put("title", "Give the meeting a title.");
		}
		if (details.chairId() == null) {
			errors.put("chairId", "Choose who chairs the meeting.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		User chair = activePerson("chairId", details.chairId());
		if (details.scopeManagerId() != null && this.users.find(details.scopeManagerId()).isEmpty()) {
			throw new InvalidInputException("scopeManagerId", "There is no user " + details.scopeManagerId() + ".");
		}
		Set<UUID> invitees = new LinkedHashSet<>();
		invitees.add(chair.id());
		if (details.attendeeIds() == null || details.attendeeIds().isEmpty()) {
			members().stream().filter(CommitteeMember::active).map(CommitteeMember::userId).forEach(invitees::add);
		}
		else {
			for (UUID id : details.attendeeIds()) {
				invitees.add(activePerson("attendeeIds", id).id());
			}
		}
		UUID id = Ids.newId();
		OffsetDateTime at = now();
		this.jdbc.sql("""
				insert into programme_committee_meetings (id, held_on, title, chair_id, scope_manager_id, created_at,
				  created_by, updated_at, updated_by, version)
				values (:id, :heldOn, :title, :chair, :scope, :at, :by, :at, :by, 0)
				""")
			.param("id", id)
			.param("heldOn", details.heldOn())
			.param("title", details.title().strip())
			.param("chair", chair.id())
			.param("scope", details.scopeManagerId())
			.param("at", at)
			.param("by", viewer.id())
			.update();
		for (UUID invitee : invitees) {
			this.jdbc.sql("""
					insert into programme_committee_attendance (meeting_id, user_id, attended, updated_at, updated_by)
					values (:meeting, :user, false, :at, :by)
					""").param("meeting", id).param("user", invitee).param("at", at).param("by", viewer.id()).update();
		}
		return meeting(viewer, id);
	}

	/**
	 * @return every meeting, the latest first, with its open and overdue actions
	 */
	public List<MeetingSummary> meetings(Viewer viewer) {
		requireView(viewer);
		LocalDate today = this.metrics.today();
		return this.jdbc.sql("""
				select m.id, m.held_on, m.title, m.chair_id, m.agenda_generated_at,
				  (select count(*) from programme_committee_actions a where a.meeting_id = m.id and a.status = 'OPEN')
				    as open_actions,
				  (select count(*) from programme_committee_actions a
				   where a.meeting_id = m.id and a.status = 'OPEN' and a.due_on < :today) as overdue_actions
				from programme_committee_meetings m order by m.held_on desc, m.id desc
				""")
			.param("today", today)
			.query((rs, row) -> new MeetingSummary(rs.getObject("id", UUID.class),
					rs.getObject("held_on", LocalDate.class), rs.getString("title"),
					name(rs.getObject("chair_id", UUID.class)), instant(rs, "agenda_generated_at") != null,
					rs.getLong("open_actions"), rs.getLong("overdue_actions")))
			.list();
	}

	/**
	 * @throws RecordNotFoundException for an unknown meeting
	 */
	public Meeting meeting(Viewer viewer, UUID meetingId) {
		requireView(viewer);
		LocalDate today = this.metrics.today();
		Meeting bare = this.jdbc.sql("""
				select id, held_on, title, chair_id, scope_manager_id, agenda_generated_at, agenda_generated_by,
				  agenda_as_of, version
				from programme_committee_meetings where id = :id
				""")
			.param("id", meetingId)
			.query((rs, row) -> new Meeting(rs.getObject("id", UUID.class), rs.getObject("held_on", LocalDate.class),
					rs.getString("title"), rs.getObject("chair_id", UUID.class),
					name(rs.getObject("chair_id", UUID.class)), rs.getObject("scope_manager_id", UUID.class),
					name(rs.getObject("scope_manager_id", UUID.class)), instant(rs, "agenda_generated_at"),
					name(rs.getObject("agenda_generated_by", UUID.class)),
					rs.getObject("agenda_as_of", LocalDate.class), List.of(), List.of(), List.of(), List.of(),
					rs.getLong("version")))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(MEETING, meetingId));
		List<AgendaItem> agenda = this.jdbc.sql("""
				select topic, label, value, definition from programme_committee_agenda_items
				where meeting_id = :id order by position
				""")
			.param("id", meetingId)
			.query((rs, row) -> new AgendaItem(rs.getString("topic"), rs.getString("label"), rs.getString("value"),
					rs.getString("definition")))
			.list();
		List<MeetingAttendee> attendance = this.jdbc
			.sql("select user_id, attended from programme_committee_attendance where meeting_id = :id")
			.param("id", meetingId)
			.query((rs, row) -> new MeetingAttendee(rs.getObject("user_id", UUID.class),
					name(rs.getObject("user_id", UUID.class)), rs.getBoolean("attended")))
			.list()
			.stream()
			.sorted(Comparator
				.comparing((MeetingAttendee a) -> Objects.requireNonNullElse(a.fullName(), "").toLowerCase(Locale.ROOT))
				.thenComparing(a -> a.userId().toString()))
			.toList();
		List<Decision> decisions = this.jdbc.sql("""
				select id, text, created_at from programme_committee_decisions where meeting_id = :id
				order by created_at, id
				""")
			.param("id", meetingId)
			.query((rs, row) -> new Decision(rs.getObject("id", UUID.class), rs.getString("text"),
					instant(rs, "created_at")))
			.list();
		List<Action> actions = actions("where a.meeting_id = :id", Map.of("id", meetingId), today);
		return new Meeting(bare.id(), bare.heldOn(), bare.title(), bare.chairId(), bare.chairName(),
				bare.scopeManagerId(), bare.scopeManagerName(), bare.agendaGeneratedAt(), bare.agendaGeneratedByName(),
				bare.agendaAsOf(), agenda, attendance, decisions, actions, bare.version());
	}

	/**
	 * Fills the meeting's agenda from the live figures of its scope as of today and keeps
	 * them with the meeting: they are never recomputed, unless a lead generates the
	 * agenda again on or before the meeting's day.
	 * @throws InvalidInputException when the meeting is past and its agenda kept
	 */
	@Transactional
	public Meeting generateAgenda(Viewer viewer, UUID meetingId) {
		this.leads.requireLead(viewer);
		Meeting meeting = meeting(viewer, meetingId);
		LocalDate today = this.metrics.today();
		if (meeting.agendaGeneratedAt() != null && meeting.heldOn().isBefore(today)) {
			throw new InvalidInputException("agenda", "The meeting of " + meeting.heldOn()
					+ " is past: its agenda stays as generated on " + meeting.agendaAsOf() + ".");
		}
		AdoptionScope scope = meeting.scopeManagerId() == null ? AdoptionScope.everyone()
				: this.metrics.organisationOf(meeting.scopeManagerId());
		List<AgendaItem> items = agendaFigures(scope, today);
		if (this.privacy.groupHidden(null, scope)) {
			// under aggregate-only, a committee of a team smaller than the minimum group
			// gets no figures
			items = items.stream()
				.map(i -> new AgendaItem(i.topic(), i.label(), PrivacyPolicy.HIDDEN, i.definition()))
				.toList();
		}
		this.jdbc.sql("delete from programme_committee_agenda_items where meeting_id = :id")
			.param("id", meetingId)
			.update();
		int position = 0;
		for (AgendaItem item : items) {
			this.jdbc.sql("""
					insert into programme_committee_agenda_items (meeting_id, position, topic, label, value, definition)
					values (:meeting, :position, :topic, :label, :value, :definition)
					""")
				.param("meeting", meetingId)
				.param("position", position++)
				.param("topic", item.topic())
				.param("label", item.label())
				.param("value", item.value())
				.param("definition", item.definition())
				.update();
		}
		this.jdbc.sql("""
				update programme_committee_meetings set agenda_generated_at = :at, agenda_generated_by = :by,
				  agenda_as_of = :asOf, updated_at = :at, updated_by = :by, version = version + 1
				where id = :id
				""").param("at", now()).param("by", viewer.id()).param("asOf", today).param("id", meetingId).update();
		return meeting(viewer, meetingId);
	}

	/**
	 * The agenda's figures of a scope as of a day, from the adoption module's live
	 * figures.
	 */
	List<AgendaItem> agendaFigures(AdoptionScope scope, LocalDate asOf) {
		List<AgendaItem> items = new ArrayList<>();
		String adoption = "Adoption by org level";
		Headline headline = this.metrics.headline(scope, asOf, false);
		items.add(new AgendaItem(adoption, "Everyone", share(headline.mau(), headline.licensedUsers()),
				"Users active in the 30 days ending on the day ÷ users licensed on the day (adoption rate)."));
		Cascade cascade = this.metrics.cascade(scope, asOf, false);
		PrivacyPolicy.Settings policy = this.privacy.current();
		for (LevelFigures level : cascade.levels()) {
			// under aggregate-only, a level of fewer people than the minimum group is
			// hidden
			items.add(new AgendaItem(adoption, level.label(),
					policy.groupHidden(null, AdoptionScope.of(level.userIds())) ? PrivacyPolicy.HIDDEN
							: share(level.figures().mau(), level.figures().licensedUsers()),
					"The level's users active in the 30 days ending on the day ÷ the level's licensed users."));
		}
		PipelineHygiene.Freshness freshness = this.metrics.freshness(scope, FRESH_DAYS);
		items.add(new AgendaItem("Data freshness", "Fresh open deals",
				freshness.openDeals() == 0 ? "No open deals" : share(freshness.freshDeals(), freshness.openDeals()),
				"Open deals touched within " + FRESH_DAYS
						+ " days (or their stage's own stale days) ÷ open deals of the scope's people, now."));
		LateEntry late = this.metrics.lateEntry(scope, asOf.minusDays(LATE_ENTRY_DAYS - 1), asOf);
		items.add(new AgendaItem("Late entry", "Deals entered late",
				late.overall().closedDeals() == 0 ? "No deals closed"
						: share(late.overall().lateDeals(), late.overall().closedDeals()),
				"Of the deals closed in the " + LATE_ENTRY_DAYS
						+ " days ending on the day, those first recorded as COMMIT or CLOSED, or created at most a day before closing."));
		TimeToFirstValue ttfv = this.metrics.timeToFirstValue(scope, asOf);
		List<Double> days = ttfv.users()
			.stream()
			.map(TimeToFirstValue.User::days)
			.filter(Objects::nonNull)
			.sorted()
			.toList();
		items.add(new AgendaItem("Time to first value", "People who reached first value",
				share(days.size(), ttfv.users().size()),
				"Licensed people who moved a deal they created to a later stage ÷ licensed people."));
		items.add(new AgendaItem("Time to first value", "Median days to first value",
				days.isEmpty() ? "Nobody yet" : String.format(Locale.ROOT, "%.1f days", median(days)),
				"The median of the days from provisioning to first value of those who reached it."));
		List<UserHealth> people = this.metrics.users(scope, asOf);
		long forecastViews = people.stream().mapToLong(UserHealth::forecastViews).sum();
		long forecastViewers = people.stream().filter(p -> p.forecastViews() > 0).count();
		items.add(new AgendaItem("Forecasts in the system", "Forecast views, last 30 days",
				forecastViews + " by " + forecastViewers + (forecastViewers == 1 ? " person" : " people"),
				"Views of the forecast in Bellwether (grid or API) by the scope's licensed people in the 30 days ending on the day: forecasts reviewed in the system rather than in spreadsheets."));
		items.add(new AgendaItem("Forecasts in the system", "People reporting from the system",
				headline.reportingMeasured() && headline.reportingShare() != null ? percent(headline.reportingShare())
						: "Not measured",
				"Active people (30 days) who viewed a report, dashboard or forecast ÷ active people."));
		long overdue = overdueActions(scope, asOf);
		items.add(new AgendaItem("Open risks", "Committee actions overdue", Long.toString(overdue),
				"Open committee actions past their due date, owned by the scope's people."));
		items.add(new AgendaItem("Open risks", "People at risk", Long.toString(headline.count(Health.AT_RISK)),
				"Licensed people with 1 to 9 active days in the 28 days ending on the day."));
		items.add(new AgendaItem("Open risks", "People lapsing", Long.toString(headline.count(Health.LAPSING)),
				"Licensed people with no active day in the last 28 days but one in the last 90."));
		items.addAll(pulseBarriers());
		return items;
	}

	/** The agenda's topic of the pulse surveys' barriers. */
	public static final String PULSE_BARRIERS = "Pulse barriers";

	/**
	 * The agenda's pulse barriers: of the latest closed ADKAR survey with answers (the
	 * latest open one with answers when none is closed), company-wide whatever the
	 * meeting's scope: the company's top barrier, each team's (the teams of fewer answers
	 * than the privacy minimum left out, and their number said), or one item saying no
	 * ADKAR survey has answers.
	 */
	List<AgendaItem> pulseBarriers() {
		return pulseBarrierItems(this.pulse.latestBarriers());
	}

	/**
	 * @param latest the barriers of the survey the agenda takes, empty when no ADKAR
	 * survey has answers
	 */
	static List<AgendaItem> pulseBarrierItems(Optional<PulseSurveys.SurveyBarriers> latest) {
		if (latest.isEmpty()) {
			return List.of(new AgendaItem(PULSE_BARRIERS, "ADKAR survey", "No ADKAR survey has answers yet",
					"The latest closed ADKAR pulse survey with answers, or the latest open one when none is closed."));
		}
		PulseSurveys.SurveyBarriers barriers = latest.get();
		PulseSurveys.Survey survey = barriers.survey();
		int minimum = barriers.minimumGroupSize();
		String barrier = "a stage answered " + PulseSurveys.BARRIER_AT_MOST + " or less (1–5)";
		List<AgendaItem> items = new ArrayList<>();
		items.add(new AgendaItem(PULSE_BARRIERS, "ADKAR survey",
				"\u201c" + survey.title() + "\u201d, " + survey.answered() + " of " + survey.asked() + " answered, "
						+ (survey.closed() ? "closed " + LocalDate.ofInstant(survey.closedAt(), ZoneOffset.UTC)
								: "still open"),
				"The latest closed ADKAR pulse survey with answers, or the latest open one when none is closed; "
						+ "company-wide, whatever the meeting's scope."));
		PulseSurveys.Group overall = barriers.overall();
		items.add(new AgendaItem(PULSE_BARRIERS, "Company's top barrier",
				overall.hidden() ? "Hidden by the privacy policy: fewer than " + minimum + " answers"
						: topBarrier(overall.topBarrier(), overall.barrierShares(), overall.answers()),
				"The ADKAR stage with the largest share of barriers (" + barrier
						+ ") among all answers, the earliest on a tie: barriers at the stage ÷ answers."));
		for (PulseSurveys.TeamBarriers team : barriers.teams()) {
			items.add(new AgendaItem(PULSE_BARRIERS, team.team(),
					topBarrier(team.topBarrier(), team.barrierShares(), team.answers()),
					"The team's ADKAR stage with the largest share of barriers (" + barrier
							+ "), the earliest on a tie: the team's barriers at the stage ÷ the team's answers."));
		}
		items.add(new AgendaItem(PULSE_BARRIERS, "Teams left out",
				barriers.hiddenTeams() == 0 ? "None"
						: barriers.hiddenTeams() + (barriers.hiddenTeams() == 1 ? " team" : " teams")
								+ " with fewer than " + minimum + " answers",
				"Teams with fewer answers than the privacy policy's minimum group size are not shown (docs/privacy.md)."));
		return items;
	}

	/**
	 * @return "Ability: 4 of 6 (67%)", or "No barrier"
	 */
	private static String topBarrier(PulseSurveys.Stage stage, Map<PulseSurveys.Stage, Double> shares, int answers) {
		if (stage == null) {
			return "No barrier";
		}
		return stage.label() + ": " + share(Math.round(shares.get(stage) * answers), answers);
	}

	private long overdueActions(AdoptionScope scope, LocalDate asOf) {
		return actions("where a.status = 'OPEN' and a.due_on < :asOf", Map.of("asOf", asOf), asOf).stream()
			.filter(action -> scope.isEveryone() || scope.userIds().contains(action.ownerId()))
			.count();
	}

	/**
	 * Records who attended: the invitees given attended, the others did not; people given
	 * who were not invited are added.
	 */
	@Transactional
	public Meeting recordAttendance(Viewer viewer, UUID meetingId, Collection<UUID> attended) {
		this.leads.requireLead(viewer);
		Meeting meeting = meeting(viewer, meetingId);
		Set<UUID> present = new LinkedHashSet<>();
		for (UUID id : attended == null ? List.<UUID>of() : attended) {
			present.add(person("attended", id).id());
		}
		OffsetDateTime at = now();
		Set<UUID> invited = meeting.attendance().stream().map(MeetingAttendee::userId).collect(Collectors.toSet());
		for (UUID id : present) {
			if (!invited.contains(id)) {
				this.jdbc
					.sql("""
							insert into programme_committee_attendance (meeting_id, user_id, attended, updated_at, updated_by)
							values (:meeting, :user, false, :at, :by)
							""")
					.param("meeting", meetingId)
					.param("user", id)
					.param("at", at)
					.param("by", viewer.id())
					.update();
			}
		}
		this.jdbc.sql("""
				update programme_committee_attendance set attended = (user_id in (:present)), updated_at = :at,
				  updated_by = :by
				where meeting_id = :meeting
				""")
			.param("present", present.isEmpty() ? List.of(new UUID(0, 0)) : present)
			.param("at", at)
			.param("by", viewer.id())
			.param("meeting", meetingId)
			.update();
		return meeting(viewer, meetingId);
	}

	/**
	 * @throws InvalidInputException for an empty decision
	 */
	@Transactional
	public Decision addDecision(Viewer viewer, UUID meetingId, String text) {
		this.leads.requireLead(viewer);
		meeting(viewer, meetingId);
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("text", "Write the decision.");
		}
		UUID id = Ids.newId();
		OffsetDateTime at = now();
		this.jdbc.sql("""
				insert into programme_committee_decisions (id, meeting_id, text, created_at, created_by, updated_at,
				  updated_by, version)
				values (:id, :meeting, :text, :at, :by, :at, :by, 0)
				""")
			.param("id", id)
			.param("meeting", meetingId)
			.param("text", text.strip())
			.param("at", at)
			.param("by", viewer.id())
			.update();
		return new Decision(id, text.strip(), at.toInstant());
	}

	/**
	 * @throws InvalidInputException with no text, no owner, an unknown owner, or no due
	 * date
	 */
	@Transactional
	public Action addAction(Viewer viewer, UUID meetingId, ActionDetails details) {
		this.leads.requireLead(viewer);
		meeting(viewer, meetingId);
		Map<String, String> errors = new LinkedHashMap<>();
		if (details.text() == null || details.text().isBlank()) {
			errors.put("text", "Say what is to be done.");
		}
		if (details.ownerId() == null) {
			errors.put("ownerId", "Choose who owns the action.");
		}
		if (details.dueOn() == null) {
			errors.put("dueOn", "Give the action a due date.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		User owner = activePerson("ownerId", details.ownerId());
		UUID id = Ids.newId();
		OffsetDateTime at = now();
		this.jdbc.sql("""
				insert into programme_committee_actions (id, meeting_id, text, owner_id, due_on, status, created_at,
				  created_by, updated_at, updated_by, version)
				values (:id, :meeting, :text, :owner, :due, 'OPEN', :at, :by, :at, :by, 0)
				""")
			.param("id", id)
			.param("meeting", meetingId)
			.param("text", details.text().strip())
			.param("owner", owner.id())
			.param("due", details.dueOn())
			.param("at", at)
			.param("by", viewer.id())
			.update();
		return action(id);
	}

	/**
	 * Marks an action done or open again.
	 * @param expectedVersion the action's version as read
	 * @throws StaleRecordException when it changed since
	 */
	@Transactional
	public Action setActionStatus(Viewer viewer, UUID actionId, ActionStatus status, long expectedVersion) {
		this.leads.requireLead(viewer);
		if (status == null) {
			throw new InvalidInputException("status", "Choose OPEN or DONE.");
		}
		Action action = action(actionId);
		OffsetDateTime at = now();
		int changed = this.jdbc.sql("""
				update programme_committee_actions set status = :status, done_at = :doneAt, updated_at = :at,
				  updated_by = :by, version = version + 1
				where id = :id and version = :version
				""")
			.param("status", status.name())
			.param("doneAt", status == ActionStatus.DONE ? at : null)
			.param("at", at)
			.param("by", viewer.id())
			.param("id", action.id())
			.param("version", expectedVersion)
			.update();
		if (changed == 0) {
			throw new StaleRecordException(ACTION, actionId, expectedVersion);
		}
		return action(actionId);
	}

	/**
	 * @return every open action of every meeting, the earliest due first
	 */
	public List<Action> openActions(Viewer viewer) {
		requireView(viewer);
		LocalDate today = this.metrics.today();
		return actions("where a.status = 'OPEN'", Map.of(), today);
	}

	/**
	 * @return the next meeting on or after today, if any
	 */
	public Optional<MeetingSummary> nextMeeting(Viewer viewer) {
		LocalDate today = this.metrics.today();
		return meetings(viewer).stream()
			.filter(m -> !m.heldOn().isBefore(today))
			.min(Comparator.comparing(MeetingSummary::heldOn));
	}

	Action action(UUID actionId) {
		return actions("where a.id = :id", Map.of("id", actionId), this.metrics.today()).stream()
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException(ACTION, actionId));
	}

	private List<Action> actions(String where, Map<String, Object> params, LocalDate today) {
		Map<UUID, String> names = new HashMap<>();
		var spec = this.jdbc.sql("""
				select a.id, a.meeting_id, a.text, a.owner_id, a.due_on, a.status, a.done_at, a.version
				from programme_committee_actions a
				""" + where + " order by a.due_on, a.id");
		for (Map.Entry<String, Object> param : params.entrySet()) {
			spec = spec.param(param.getKey(), param.getValue());
		}
		return spec.query((rs, row) -> {
			UUID owner = rs.getObject("owner_id", UUID.class);
			ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
			LocalDate due = rs.getObject("due_on", LocalDate.class);
			return new Action(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
					rs.getString("text"), owner, names.computeIfAbsent(owner, this::name), due, status,
					instant(rs, "done_at"), isOverdue(status, due, today), rs.getLong("version"));
		}).list();
	}

	/**
	 * @return whether an action is overdue on the day: still open after its due date
	 */
	static boolean isOverdue(ActionStatus status, LocalDate dueOn, LocalDate today) {
		return status == ActionStatus.OPEN && dueOn.isBefore(today);
	}

	private User activePerson(String field, UUID userId) {
		User user = person(field, userId);
		if (!user.active()) {
			throw new InvalidInputException(field, user.fullName() + " is deactivated.");
		}
		if (user.integrationAccount()) {
			throw new InvalidInputException(field, "An integration account cannot take part in the committee.");
		}
		return user;
	}

	private User person(String field, UUID userId) {
		if (userId == null) {
			throw new InvalidInputException(field, "Choose a person.");
		}
		return this.users.find(userId)
			.orElseThrow(() -> new InvalidInputException(field, "There is no user " + userId + "."));
	}

	private String name(UUID userId) {
		return userId == null ? null : this.users.find(userId).map(User::fullName).orElse(null);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	/**
	 * @return "2 of 3 (67%)", or "No one" with nothing to divide by
	 */
	static String share(long part, long whole) {
		if (whole == 0) {
			return "No one";
		}
		return part + " of " + whole + " (" + percent((double) part / whole) + ")";
	}

	static String percent(double share) {
		return Math.round(share * 100) + "%";
	}

	static double median(List<Double> sorted) {
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	public enum ActionStatus {

		OPEN, DONE

	}

	/**
	 * @param sponsor an executive sponsor (designated in the adoption module)
	 * @param member chosen by a programme lead
	 */
	public record CommitteeMember(UUID userId, String fullName, String title, boolean sponsor, boolean member,
			boolean active) {
	}

	/**
	 * @param scopeManagerId whose organisation the agenda's figures cover; {@code null}
	 * for everyone
	 * @param attendeeIds who is invited besides the chair; empty: the committee
	 */
	public record MeetingDetails(LocalDate heldOn, String title, UUID chairId, UUID scopeManagerId,
			List<UUID> attendeeIds) {
	}

	public record MeetingSummary(UUID id, LocalDate heldOn, String title, String chairName, boolean agendaGenerated,
			long openActions, long overdueActions) {
	}

	/**
	 * @param agendaAsOf the day the agenda's figures are as of, {@code null} before it is
	 * generated
	 */
	public record Meeting(UUID id, LocalDate heldOn, String title, UUID chairId, String chairName, UUID scopeManagerId,
			String scopeManagerName, Instant agendaGeneratedAt, String agendaGeneratedByName, LocalDate agendaAsOf,
			List<AgendaItem> agenda, List<MeetingAttendee> attendance, List<Decision> decisions, List<Action> actions,
			long version) {
	}

	/**
	 * One figure of an agenda, as it stood when the agenda was generated.
	 */
	public record AgendaItem(String topic, String label, String value, String definition) {
	}

	public record MeetingAttendee(UUID userId, String fullName, boolean attended) {
	}

	public record Decision(UUID id, String text, Instant recordedAt) {
	}

	public record ActionDetails(String text, UUID ownerId, LocalDate dueOn) {
	}

	/**
	 * @param overdue open after its due date (the company's today)
	 */
	public record Action(UUID id, UUID meetingId, String text, UUID ownerId, String ownerName, LocalDate dueOn,
			ActionStatus status, Instant doneAt, boolean overdue, long version) {
	}

}
