package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.activities.Activities;
import dev.bellwether.activities.Activity;
import dev.bellwether.activities.ActivityFilter;
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.usage.FeatureUsed;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.sales.OpenDealStream;
import dev.bellwether.sales.OpenDealStream.DealState;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.StageChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * The pipeline review (meeting mode): a manager walks a rep's or a team's deals one at a
 * time, and the review is kept — who ran it, with whom, when it started and ended, the
 * period, the deals walked and a note per deal (docs/pipeline-review.md).
 * <p>
 * Who may review whom is who may see whose forecast ({@link Forecasts#canSee}): a rep
 * themself, a manager anyone in their organisation, executives, sales administrators and
 * administrators everyone. Starting a review is captured once as
 * {@link UsageKind#MEETING_MODE} usage; walking its deals is not counted again.
 */
@Service
@Transactional(readOnly = true)
public class PipelineReviews {

	public static final String RECORD_TYPE = "pipeline review";

	public static final int MAX_DEALS = 500;

	public static final int MAX_NOTE = 4000;

	public static final int MAX_LIST = 500;

	static final int RECENT_ACTIVITIES = 5;

	private static final Set<Role> SEE_ALL = EnumSet.of(Role.EXECUTIVE, Role.SALES_ADMIN, Role.ADMIN);

	private final JdbcClient jdbc;

	private final Forecasts forecasts;

	private final OrgChart orgChart;

	private final UserDirectory users;

	private final OpenDealStream deals;

	private final Opportunities opportunities;

	private final Activities activities;

	private final DealFlags flags;

	private final FiscalCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PipelineReviews(JdbcClient jdbc, Forecasts forecasts, OrgChart orgChart, UserDirectory users, OpenDealStream deals,
			Opportunities opportunities, Activities activities, DealFlags flags, FiscalCalendar calendar,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.forecasts = forecasts;
		this.orgChart = orgChart;
		this.users = users;
		this.deals = deals;
		this.opportunities = opportunities;
		this.activities = activities;
		this.flags = flags;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	/** Whose deals a review walks. */
	public enum SubjectKind {

		/** The subject's own deals. */
		REP,
		/**
		 * The deals of the subject's whole organisation (the subject and everyone below).
		 */
		TEAM

	}

	/** Why a deal is in a review. */
	public enum Reason {

		/** Open and closing in the period. */
		IN_PERIOD,
		/**
		 * Closing in the period at the last review of the same rep or team, open and
		 * closing after the period now.
		 */
		PUSHED_OUT,
		/** Picked by hand. */
		CHOSEN

	}

	/**
	 * What to review.
	 *
	 * @param period {@code 2026-Q4}, {@code 2026-11} or {@code FY2026}; blank for the
	 * current fiscal quarter
	 * @param dealIds the deals to walk, in this order; empty for the default (open deals
	 * closing in the period, then those pushed out of it since the last review)
	 * @param attendeeIds the people present besides the one running it; empty for the
	 * subject
	 * @param otherAttendees people present who are not users, as typed
	 */
	public record ReviewRequest(SubjectKind kind, UUID subjectId, String period, List<UUID> dealIds,
			List<UUID> attendeeIds, String otherAttendees) {

		public ReviewRequest {
			dealIds = dealIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(dealIds));
			attendeeIds = attendeeIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(attendeeIds));
		}

	}

	public record ReviewAttendee(UUID id, String name) {

	}

	/**
	 * A review as kept.
	 *
	 * @param endedAt {@code null} while it is going on
	 * @param discussed how many of its deals were walked
	 */
	public record Review(UUID id, SubjectKind subjectKind, UUID subjectId, String subjectName, String period,
			String periodLabel, UUID runBy, String runByName, Instant startedAt, Instant endedAt,
			List<ReviewAttendee> attendees, String otherAttendees, String summary, int dealCount, int discussed,
			long version) {

		public boolean ended() {
			return this.endedAt != null;
		}

		/** e.g. "Dana Reed" or "Dana Reed's team". */
		public String subjectLabel() {
			return this.subjectKind == SubjectKind.TEAM ? this.subjectName + "'s team" : this.subjectName;
		}

	}

	/**
	 * One deal of a review.
	 *
	 * @param amountAtStart the deal's amount when the review started
	 * @param closeDateAtStart its close date then
	 * @param discussedAt when it was first shown in the walk, {@code null} if never
	 */
	public record ReviewDeal(UUID dealId, String name, int position, Reason reason, BigDecimal amountAtStart,
			LocalDate closeDateAtStart, Instant discussedAt, String note) {

	}

	/** A review with its deals. */
	public record ReviewRecord(Review review, List<ReviewDeal> deals) {

	}

	/** A deal a new review would walk, with why. */
	public record Candidate(UUID id, String name, UUID ownerId, String ownerName, BigDecimal amount,
			LocalDate closeDate, Reason reason) {

	}

	/** What a new review of a rep or team would walk by default. */
	public record Candidates(SubjectKind kind, UUID subjectId, String subjectName, FiscalPeriod period,
			Review lastReview, List<Candidate> deals) {

	}

	/**
	 * One step of the walk: a deal with what the manager asks about.
	 *
	 * @param position 1-based
	 * @param deal the deal now, {@code null} when it was deleted or may no longer be seen
	 * @param lastReview the last review of the same rep or team before this one,
	 * {@code null} for the first
	 * @param changesSinceLastReview its stage-history entries (stage, amount, close date,
	 * probability, forecast category) recorded after the last review ended (or started,
	 * if never ended), newest first; empty for the first review
	 * @param newSinceLastReview created after the last review, or not walked in it
	 */
	public record Step(Review review, int position, int total, ReviewDeal entry, Opportunity deal,
			DealFlags.Flags flags, Review lastReview, List<StageChange> changesSinceLastReview,
			boolean newSinceLastReview, List<Activity> recentActivities, boolean canEdit) {

		public boolean hasPrevious() {
			return this.position > 1;
		}

		public boolean hasNext() {
			return this.position < this.total;
		}

	}

	/** Whether the viewer may review this person (or their team). */
	public boolean mayReview(Viewer viewer, UUID subjectId) {
		return this.forecasts.canSee(viewer, subjectId);
	}

	/**
	 * The deals a review of the subject would walk by default: the open deals (the
	 * subject's own for {@link SubjectKind#REP}, their organisation's for
	 * {@link SubjectKind#TEAM}) closing in the period, largest first, then those pushed
	 * out of it since the last review of the same subject.
	 */
	public Candidates candidates(Viewer viewer, SubjectKind kind, UUID subjectId, String periodCode) {
		requireKind(kind);
		String name = requireReviewable(viewer, subjectId);
		FiscalPeriod period = this.forecasts.period(periodCode);
		Review last = lastOf(kind, subjectId, this.clock.instant()).orElse(null);
		List<DealState> inPeriod = new ArrayList<>();
		this.deals.forEachOpen(viewer, kind == SubjectKind.REP ? subjectId : null,
				kind == SubjectKind.TEAM ? subjectId : null, deal -> {
					if (period.contains(deal.closeDate())) {
						inPeriod.add(deal);
					}
				});
		inPeriod.sort(Comparator.comparing(DealState::value)
			.reversed()
			.thenComparing(DealState::closeDate)
			.thenComparing(DealState::id));
		List<DealState> pushed = new ArrayList<>();
		if (last != null) {
			Set<UUID> owners = ownersOf(kind, subjectId);
			List<UUID> wereIn = this.jdbc.sql("""
					select deal_id from pipeline_review_deals
					where review_id = :review and close_date_at_start between :start and :end
					""")
				.param("review", last.id())
				.param("start", period.start())
				.param("end", period.end())
				.query(UUID.class)
				.list();
			this.deals.openOf(viewer, wereIn)
				.values()
				.stream()
				.filter(deal -> deal.closeDate().isAfter(period.end()) && owners.contains(deal.ownerId()))
				.sorted(Comparator.comparing(DealState::value).reversed().thenComparing(DealState::id))
				.forEach(pushed::add);
		}
		List<DealState> all = new ArrayList<>(inPeriod);
		all.addAll(pushed);
		Map<UUID, String> names = this.opportunities.namesOf(all.stream().map(DealState::id).toList());
		Map<UUID, String> owners = this.users.namesOf(all.stream().map(DealState::ownerId).distinct().toList());
		List<Candidate> candidates = new ArrayList<>();
		for (DealState deal : all) {
			candidates.add(new Candidate(deal.id(), names.get(deal.id()), deal.ownerId(), owners.get(deal.ownerId()),
					deal.amount(), deal.closeDate(), pushed.contains(deal) ? Reason.PUSHED_OUT : Reason.IN_PERIOD));
		}
		return new Candidates(kind, subjectId, name, period, last, candidates);
	}

	/**
	 * Starts a review, captured once as {@code MEETING_MODE} usage.
	 * @throws RecordNotFoundException for an unknown subject
	 * @throws ForbiddenException for a subject the viewer may not review
	 * @throws InvalidInputException for a malformed period, unknown attendees, deals that
	 * are not open deals of the subject the viewer may see, or nothing to review
	 */
	@Transactional
	public Review start(Viewer viewer, ReviewRequest request) {
		requireKind(request.kind());
		if (request.subjectId() == null) {
			throw new InvalidInputException("subjectId", "Choose the rep or the team to review.");
		}
		Candidates candidates = candidates(viewer, request.kind(), request.subjectId(), request.period());
		List<Candidate> walked;
		if (request.dealIds().isEmpty()) {
			walked = candidates.deals();
		}
		else {
			walked = chosen(viewer, request, candidates);
		}
		if (walked.isEmpty()) {
			throw new InvalidInputException("dealIds",
					candidates.subjectName() + (request.kind() == SubjectKind.TEAM ? "'s team has" : " has")
							+ " no open deals closing in " + candidates.period().label()
							+ " and none pushed out of it since the last review: choose another period.");
		}
		if (walked.size() > MAX_DEALS) {
			throw new InvalidInputException("dealIds",
					"A review walks at most " + MAX_DEALS + " deals: choose a shorter period or a smaller team.");
		}
		List<UUID> attendees = request.attendeeIds().isEmpty() ? List.of(request.subjectId()) : request.attendeeIds();
		Map<UUID, String> known = this.users.namesOf(attendees);
		for (UUID id : attendees) {
			if (!known.containsKey(id)) {
				throw new InvalidInputException("attendeeIds", "No user " + id + " to list as an attendee.");
			}
		}
		String others = request.otherAttendees() == null || request.otherAttendees().isBlank() ? null
				: request.otherAttendees().strip();
		if (others != null && others.length() > 500) {
			throw new InvalidInputException("otherAttendees", "Name other attendees in at most 500 characters.");
		}
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into pipeline_reviews (id, subject_kind, subject_id, period, run_by, started_at,
				                              other_attendees, created_at, created_by, updated_at, updated_by)
				values (:id, :kind, :subject, :period, :by, :at, :others, :at, :by, :at, :by)
				""")
			.param("id", id)
			.param("kind", request.kind().name())
			.param("subject", request.subjectId())
			.param("period", candidates.period().code())
			.param("by", viewer.id())
			.param("at", utc(now))
			.param("others", others)
			.update();
		for (UUID attendee : attendees) {
			this.jdbc.sql("insert into pipeline_review_attendees (review_id, user_id) values (:id, :user)")
				.param("id", id)
				.param("user", attendee)
				.update();
		}
		int position = 0;
		for (Candidate deal : walked) {
			this.jdbc.sql("""
					insert into pipeline_review_deals (review_id, deal_id, position, reason, amount_at_start,
					                                   close_date_at_start)
					values (:id, :deal, :position, :reason, :amount, :closeDate)
					""")
				.param("id", id)
				.param("deal", deal.id())
				.param("position", ++position)
				.param("reason", deal.reason().name())
				.param("amount", deal.amount())
				.param("closeDate", deal.closeDate())
				.update();
		}
		this.events
			.publishEvent(new FeatureUsed(viewer.id(), now, UsageKind.MEETING_MODE, "forecasting", RECORD_TYPE, id));
		return load(id).orElseThrow();
	}

	private List<Candidate> chosen(Viewer viewer, ReviewRequest request, Candidates candidates) {
		Map<UUID, Reason> reasons = new HashMap<>();
		candidates.deals().forEach(deal -> reasons.put(deal.id(), deal.reason()));
		Map<UUID, DealState> open = this.deals.openOf(viewer, request.dealIds());
		Set<UUID> owners = ownersOf(request.kind(), request.subjectId());
		Map<UUID, String> names = this.opportunities.namesOf(request.dealIds());
		List<Candidate> chosen = new ArrayList<>();
		for (UUID id : request.dealIds()) {
			DealState deal = open.get(id);
			if (deal == null || !owners.contains(deal.ownerId())) {
				throw new InvalidInputException("dealIds",
						"Deal " + id + " is not an open deal of " + candidates.subjectName()
								+ (request.kind() == SubjectKind.TEAM ? "'s team" : "") + " that you may see.");
			}
			chosen.add(new Candidate(id, names.get(id), deal.ownerId(), null, deal.amount(), deal.closeDate(),
					reasons.getOrDefault(id, Reason.CHOSEN)));
		}
		return chosen;
	}

	/**
	 * One step of the walk, marking the deal as walked (while the review goes on and the
	 * viewer is the one running it).
	 * @param position 1-based
	 * @throws RecordNotFoundException for an unknown review or a position outside it
	 */
	@Transactional
	public Step walk(Viewer viewer, UUID reviewId, int position) {
		Review review = get(viewer, reviewId);
		if (position < 1 || position > review.dealCount()) {
			throw new RecordNotFoundException("deal of the review", position);
		}
		ReviewDeal entry = dealsOf(review.id()).get(position - 1);
		if (!review.ended() && review.runBy().equals(viewer.id()) && entry.discussedAt() == null) {
			Instant now = this.clock.instant();
			this.jdbc.sql("""
					update pipeline_review_deals set discussed_at = :at
					where review_id = :review and deal_id = :deal and discussed_at is null
					""").param("at", utc(now)).param("review", review.id()).param("deal", entry.dealId()).update();
			entry = new ReviewDeal(entry.dealId(), entry.name(), entry.position(), entry.reason(),
					entry.amountAtStart(), entry.closeDateAtStart(), now, entry.note());
			review = load(review.id()).orElseThrow();
		}
		Opportunity deal;
		try {
			deal = this.opportunities.get(viewer, entry.dealId());
		}
		catch (RecordNotFoundException ex) {
			deal = null;
		}
		Review last = lastOf(review.subjectKind(), review.subjectId(), review.startedAt()).orElse(null);
		List<StageChange> changes = List.of();
		boolean isNew = false;
		List<Activity> recent = List.of();
		DealFlags.Flags raised = null;
		if (deal != null) {
			if (last != null) {
				Instant since = last.endedAt() != null ? last.endedAt() : last.startedAt();
				changes = this.opportunities.history(viewer, deal.id())
					.stream()
					.filter(change -> !change.isCreation() && change.changedAt().isAfter(since))
					.toList();
				isNew = deal.createdAt().isAfter(since) || !wasIn(last.id(), deal.id());
			}
			recent = this.activities
				.list(viewer, new ActivityFilter(null, null, null, null, deal.id(), null, null, null, null),
						PageRequest.of(0, RECENT_ACTIVITIES))
				.getContent();
			raised = this.flags.of(List.of(deal.id())).get(deal.id());
		}
		boolean canEdit = deal != null && !review.ended() && this.opportunities.canEdit(viewer, deal);
		return new Step(review, position, review.dealCount(), entry, deal, raised, last, changes, isNew, recent,
				canEdit);
	}

	/**
	 * Keeps a note on one deal of a review going on, by the one running it; a blank note
	 * clears it.
	 */
	@Transactional
	public ReviewDeal note(Viewer viewer, UUID reviewId, UUID dealId, String note) {
		Review review = requireRunning(viewer, reviewId, "note");
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "Keep the note to " + MAX_NOTE + " characters.");
		}
		int updated = this.jdbc.sql("""
				update pipeline_review_deals set note = :note, discussed_at = coalesce(discussed_at, :at)
				where review_id = :review and deal_id = :deal
				""")
			.param("note", text)
			.param("at", utc(this.clock.instant()))
			.param("review", review.id())
			.param("deal", dealId)
			.update();
		if (updated == 0) {
			throw new RecordNotFoundException("deal of the review", dealId);
		}
		touch(viewer, review.id());
		return dealsOf(review.id()).stream().filter(deal -> deal.dealId().equals(dealId)).findFirst().orElseThrow();
	}

	/**
	 * Ends a review, by the one running it; ending one already ended changes nothing.
	 */
	@Transactional
	public Review end(Viewer viewer, UUID reviewId, String summary) {
		Review review = get(viewer, reviewId);
		requireRunner(viewer, review, "review");
		if (review.ended()) {
			return review;
		}
		String text = summary == null || summary.isBlank() ? null : summary.strip();
		if (text != null && text.length() > MAX_NOTE) {
			throw new InvalidInputException("summary", "Keep the summary to " + MAX_NOTE + " characters.");
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update pipeline_reviews set ended_at = :at, summary = :summary, updated_at = :at, updated_by = :by,
				       version = version + 1
				where id = :id and ended_at is null
				""")
			.param("at", utc(now))
			.param("summary", text)
			.param("by", viewer.id())
			.param("id", review.id())
			.update();
		return load(review.id()).orElseThrow();
	}

	/**
	 * @throws RecordNotFoundException for an unknown review
	 * @throws ForbiddenException for one the viewer may not see (they neither ran nor
	 * attended it, and may not review its subject)
	 */
	public Review get(Viewer viewer, UUID id) {
		Review review = load(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		if (!mayRead(viewer, review)) {
			throw new ForbiddenException("id", "You may see the reviews of yourself, the people below you and "
					+ "those you ran or attended, not this one of " + review.subjectLabel() + ".");
		}
		return review;
	}

	/** A review with its deals. */
	public ReviewRecord record(Viewer viewer, UUID id) {
		Review review = get(viewer, id);
		return new ReviewRecord(review, dealsOf(review.id()));
	}

	/**
	 * The reviews the viewer may see, newest first: of the people they may review, and
	 * those they ran or attended.
	 * @param subjectId only the reviews of this person (of them or of their team), or
	 * {@code null}
	 */
	public List<Review> list(Viewer viewer, UUID subjectId, int limit) {
		if (limit < 1 || limit > MAX_LIST) {
			throw new InvalidInputException("limit", "Ask for 1 to " + MAX_LIST + " reviews.");
		}
		StringBuilder where = new StringBuilder("true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (!SEE_ALL.contains(viewer.role())) {
			params.put("viewer", viewer.id());
			params.put("visible", List.copyOf(this.orgChart.organisationOf(viewer.id())));
			where.append(" and (r.subject_id in (:visible) or r.run_by = :viewer or exists (select 1 from "
					+ "pipeline_review_attendees a where a.review_id = r.id and a.user_id = :viewer))");
		}
		if (subjectId != null) {
			params.put("subject", subjectId);
			where.append(" and r.subject_id = :subject");
		}
		params.put("limit", limit);
		return query("where " + where + " order by r.started_at desc, r.id desc limit :limit", params);
	}

	/** The last review of a rep or team started before an instant. */
	Optional<Review> lastOf(SubjectKind kind, UUID subjectId, Instant before) {
		return query("""
				where r.subject_kind = :kind and r.subject_id = :subject and r.started_at < :before
				order by r.started_at desc, r.id desc limit 1
				""", Map.of("kind", kind.name(), "subject", subjectId, "before", utc(before))).stream().findFirst();
	}

	private boolean wasIn(UUID reviewId, UUID dealId) {
		return this.jdbc.sql("select count(*) from pipeline_review_deals where review_id = :review and deal_id = :deal")
			.param("review", reviewId)
			.param("deal", dealId)
			.query(Long.class)
			.single() > 0;
	}

	private boolean mayRead(Viewer viewer, Review review) {
		return review.runBy().equals(viewer.id())
				|| review.attendees().stream().anyMatch(attendee -> attendee.id().equals(viewer.id()))
				|| mayReview(viewer, review.subjectId());
	}

	private Review requireRunning(Viewer viewer, UUID reviewId, String field) {
		Review review = get(viewer, reviewId);
		requireRunner(viewer, review, field);
		if (review.ended()) {
			throw new InvalidInputException(field, "This review has ended: what it recorded is kept as it was.");
		}
		return review;
	}

	private static void requireRunner(Viewer viewer, Review review, String field) {
		if (!review.runBy().equals(viewer.id())) {
			throw new ForbiddenException(field,
					"Only " + review.runByName() + ", who runs this review, may change it.");
		}
	}

	private static void requireKind(SubjectKind kind) {
		if (kind == null) {
			throw new InvalidInputException("kind", "Say whether to review a rep (REP) or a team (TEAM).");
		}
	}

	private String requireReviewable(Viewer viewer, UUID subjectId) {
		if (subjectId == null) {
			throw new InvalidInputException("subjectId", "Choose the rep or the team to review.");
		}
		String name = this.users.find(subjectId)
			.map(user -> user.fullName())
			.orElseThrow(() -> new RecordNotFoundException("user", subjectId));
		if (!mayReview(viewer, subjectId)) {
			throw new ForbiddenException("subjectId",
					"You may review yourself and the people below you, not " + name + ".");
		}
		return name;
	}

	private Set<UUID> ownersOf(SubjectKind kind, UUID subjectId) {
		return kind == SubjectKind.TEAM ? this.orgChart.organisationOf(subjectId) : Set.of(subjectId);
	}

	private void touch(Viewer viewer, UUID reviewId) {
		this.jdbc.sql("""
				update pipeline_reviews set updated_at = :at, updated_by = :by, version = version + 1 where id = :id
				""").param("at", utc(this.clock.instant())).param("by", viewer.id()).param("id", reviewId).update();
	}

	private Optional<Review> load(UUID id) {
		return query("where r.id = :id", Map.of("id", id)).stream().findFirst();
	}

	private List<Review> query(String where, Map<String, ?> params) {
		List<Review> rows = new ArrayList<>();
		Map<UUID, List<UUID>> attendeeIds = new HashMap<>();
		this.jdbc.sql("""
				select r.*, (select count(*) from pipeline_review_deals d where d.review_id = r.id) as deal_count,
				       (select count(*) from pipeline_review_deals d
				        where d.review_id = r.id and d.discussed_at is not null) as discussed,
				       array(select a.user_id from pipeline_review_attendees a where a.review_id = r.id) as attendees
				from pipeline_reviews r
				""" + where).params(params).query(rs -> {
			UUID id = rs.getObject("id", UUID.class);
			List<UUID> present = new ArrayList<>();
			for (Object value : (Object[]) rs.getArray("attendees").getArray()) {
				present.add((UUID) value);
			}
			attendeeIds.put(id, present);
			rows.add(new Review(id, SubjectKind.valueOf(rs.getString("subject_kind")),
					rs.getObject("subject_id", UUID.class), null, rs.getString("period"), null,
					rs.getObject("run_by", UUID.class), null, instant(rs, "started_at"), instant(rs, "ended_at"),
					List.of(), rs.getString("other_attendees"), rs.getString("summary"), rs.getInt("deal_count"),
					rs.getInt("discussed"), rs.getLong("version")));
		});
		Set<UUID> people = new LinkedHashSet<>();
		rows.forEach(review -> {
			people.add(review.subjectId());
			people.add(review.runBy());
			people.addAll(attendeeIds.get(review.id()));
		});
		Map<UUID, String> names = this.users.namesOf(people);
		return rows.stream().map(review -> {
			String label;
			try {
				label = this.calendar.period(review.period(), "period").label();
			}
			catch (InvalidInputException ex) {
				label = review.period();
			}
			return new Review(review.id(), review.subjectKind(), review.subjectId(),
					names.getOrDefault(review.subjectId(), ""), review.period(), label, review.runBy(),
					names.getOrDefault(review.runBy(), ""), review.startedAt(), review.endedAt(),
					attendeeIds.get(review.id())
						.stream()
						.map(id -> new ReviewAttendee(id, names.getOrDefault(id, "")))
						.toList(),
					review.otherAttendees(), review.summary(), review.dealCount(), review.discussed(),
					review.version());
		}).toList();
	}

	private List<ReviewDeal> dealsOf(UUID reviewId) {
		List<ReviewDeal> rows = this.jdbc.sql("""
				select deal_id, position, reason, amount_at_start, close_date_at_start, discussed_at, note
				from pipeline_review_deals where review_id = :review order by position
				""")
			.param("review", reviewId)
			.query((rs, n) -> new ReviewDeal(rs.getObject("deal_id", UUID.class), null, rs.getInt("position"),
					Reason.valueOf(rs.getString("reason")), rs.getBigDecimal("amount_at_start"),
					rs.getObject("close_date_at_start", LocalDate.class), instant(rs, "discussed_at"),
					rs.getString("note")))
			.list();
		Map<UUID, String> names = this.opportunities.namesOf(rows.stream().map(ReviewDeal::dealId).toList());
		return rows.stream()
			.map(row -> new ReviewDeal(row.dealId(), names.getOrDefault(row.dealId(), "(deleted deal)"), row.position(),
					row.reason(), row.amountAtStart(), row.closeDateAtStart(), row.discussedAt(), row.note()))
			.toList();
	}

}
