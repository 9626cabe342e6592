package dev.bellwether.forecasting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Accounts;
import dev.bellwether.forecasting.PipelineReviews.Reason;
import dev.bellwether.forecasting.PipelineReviews.Review;
import dev.bellwether.forecasting.PipelineReviews.ReviewDeal;
import dev.bellwether.forecasting.PipelineReviews.ReviewRequest;
import dev.bellwether.forecasting.PipelineReviews.Step;
import dev.bellwether.forecasting.PipelineReviews.SubjectKind;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.usage.FeatureUsed;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.StageChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pipeline review on each test's own team: who may review whom, the deals walked,
 * what changed since the last review, the record, the API and the usage it is counted as.
 */
@IntegrationTest
@RecordApplicationEvents
class PipelineReviewTests {

	@Autowired
	PipelineReviews reviews;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	ForecastingFixtures fixtures;

	User boss;

	User manager;

	User teamLead;

	User rep;

	User otherRep;

	FiscalPeriod quarter;

	LocalDate in;

	LocalDate later;

	@BeforeEach
	void team() {
		this.fixtures = new ForecastingFixtures(this.users, this.accounts, this.opportunities, "Review");
		this.boss = this.fixtures.person(Role.MANAGER, null);
		this.manager = this.fixtures.person(Role.MANAGER, this.boss);
		this.teamLead = this.fixtures.person(Role.MANAGER, this.manager);
		this.rep = this.fixtures.person(Role.REP, this.teamLead);
		this.otherRep = this.fixtures.person(Role.REP, null);
		this.quarter = this.calendar.current(FiscalPeriod.Kind.QUARTER);
		this.in = ForecastingFixtures.closingIn(this.quarter, this.calendar.today());
		this.later = ForecastingFixtures.closingAfter(this.quarter);
	}

	@Test
	void aRepReviewsOnlyThemself() {
		deal(this.rep, "1000", this.in);
		deal(this.otherRep, "1000", this.in);

		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.reviews.start(viewer(this.rep), request(SubjectKind.REP, this.otherRep)));
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.reviews.start(viewer(this.rep), request(SubjectKind.TEAM, this.teamLead)));
		Review own = this.reviews.start(viewer(this.rep), request(SubjectKind.REP, this.rep));
		assertThat(own.dealCount()).isEqualTo(1);
	}

	@Test
	void aManagerReviewsTheirOrganisationAtAnyDepthButNobodyAboveOrOutside() {
		Opportunity deep = deal(this.rep, "1000", this.in);
		deal(this.otherRep, "1000", this.in);

		Review review = this.reviews.start(viewer(this.manager), request(SubjectKind.REP, this.rep));
		assertThat(this.reviews.record(viewer(this.manager), review.id()).deals()).extracting(ReviewDeal::dealId)
			.containsExactly(deep.id());
		Review team = this.reviews.start(viewer(this.manager), request(SubjectKind.TEAM, this.manager));
		assertThat(this.reviews.record(viewer(this.manager), team.id()).deals()).extracting(ReviewDeal::dealId)
			.containsExactly(deep.id());

		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.reviews.start(viewer(this.manager), request(SubjectKind.REP, this.otherRep)));
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.reviews.start(viewer(this.manager), request(SubjectKind.TEAM, this.boss)));
		// nor read a review of someone above
		Review ofBoss = this.reviews.start(viewer(this.boss), request(SubjectKind.TEAM, this.boss));
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.reviews.get(viewer(this.teamLead), ofBoss.id()));
		// the rep reads the review they attended
		assertThat(this.reviews.get(viewer(this.rep), review.id()).attendees())
			.extracting(PipelineReviews.ReviewAttendee::id)
			.containsExactly(this.rep.id());
	}

	@Test
	void unknownSubjectsAndReviewsAreNotFound() {
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.reviews.start(viewer(this.manager),
					new ReviewRequest(SubjectKind.REP, UUID.randomUUID(), null, null, null, null)));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.reviews.get(viewer(this.manager), UUID.randomUUID()));
		deal(this.rep, "1000", this.in);
		Review review = this.reviews.start(viewer(this.manager), request(SubjectKind.REP, this.rep));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.reviews.walk(viewer(this.manager), review.id(), 2));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.reviews.note(viewer(this.manager), review.id(), UUID.randomUUID(), "x"));
	}

	@Test
	void theDefaultDealsCloseInThePeriodOrWerePushedOutOfItSinceTheLastReview() {
		Opportunity small = deal(this.rep, "1000", this.in);
		Opportunity large = deal(this.rep, "9000", this.in);
		Opportunity pushedLater = deal(this.rep, "5000", this.in);
		Opportunity outside = deal(this.rep, "7000", this.later);
		Review first = this.reviews.start(viewer(this.manager), request(SubjectKind.REP, this.rep));
		assertThat(this.reviews.record(viewer(this.manager), first.id()).deals()).extracting(ReviewDeal::dealId)
			.containsExactly(large.id(), pushedLater.id(), small.id());
		this.reviews.end(viewer(this.manager), first.id(), "Good shape");

		this.fixtures.update(pushedLater, null, null, this.later);
		List<ReviewDeal> second = this.reviews
			.record(viewer(this.manager),
					this.reviews.start(viewer(this.manager), request(SubjectKind.REP, this.rep)).id())
			.deals();
		assertThat(second).extracting(ReviewDeal::dealId).containsExactly(large.id(), small.id(), pushedLater.id());
		assertThat(second).extracting(ReviewDeal::reason)
			.containsExactly(Reason.IN_PERIOD, Reason.IN_PERIOD, Reason.PUSHED_OUT);
		assertThat(second).extracting(ReviewDeal::dealId).doesNotContain(outside.id());
	}

	@Test
	void chosenDealsMustBeOpenDealsOfTheSubject() {
		Opportunity own = deal(this.rep, "1000", this.later);
		Opportunity others = deal(this.otherRep, "1000", this.in);
		Review review = this.reviews.start(viewer(this.manager),
				new ReviewRequest(SubjectKind.REP, this.rep.id(), this.quarter.code(), List.of(own.id()),
						List.of(this.rep.id(), this.teamLead.id()), "Sam from finance"));
		assertThat(this.reviews.record(viewer(this.manager), review.id()).deals()).extracting(ReviewDeal::reason)
			.containsExactly(Reason.CHOSEN);
		assertThat(review.otherAttendees()).isEqualTo("Sam from finance");
		assertThat(review.attendees()).extracting(PipelineReviews.ReviewAttendee::id)
			.containsExactlyInAnyOrder(this.rep.id(), this.teamLead.id());
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.reviews.start(viewer(this.manager),
				new ReviewRequest(SubjectKind.REP, this.rep.id(), null, List.of(others.id()), null, null)));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.reviews.start(viewer(this.manager),
					new ReviewRequest(SubjectKind.REP, this.rep.id(), "2026-Q9", null, null, null)))
			.withMessageContaining("2026-Q4");
		// nothing to review in a period without deals
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.reviews.start(viewer(this.manager),
				new ReviewRequest(SubjectKind.REP, this.rep.id(), "FY2031", null, null, null)));
	}

	@Test
	void theWalkShowsWhatChangedSinceTheLastReviewOfTheSameRep() {
		Opportunity changed = deal(this.rep, "1000", this.in);
		Opportunity quiet = deal(this.rep, "2000", this.in);
		// before the first review: not "since the last review"
		this.fixtures.update(changed, null, "1100", this.in);
		Review first = this.reviews.start(viewer(this.manager), request(SubjectKind.REP, this.rep));
		this.reviews.end(viewer(this.manager), first.id(), null);
		// a review of the team is another subject: it does not reset what changed for the
		// rep
		Review ofTeam = this.reviews.start(viewer(this.manager), request(SubjectKind.TEAM, this.teamLead));
		this.reviews.end(viewer(this.manager), ofTeam.id(), null);

		this.fixtures.update(changed, null, "1500", this.in.plusDays(1));
		Opportunity added = deal(this.rep, "500", this.in);
		Review second = this.reviews.start(viewer(this.manager), request(SubjectKind.REP, this.rep));

		// the expectation, independently: the stage-history entries of each deal after
		// the first review ended, told apart by their amounts
		List<ReviewDeal> order = this.reviews.record(viewer(this.manager), second.id()).deals();
		Step ofChanged = step(second, order, changed);
		assertThat(ofChanged.lastReview().id()).isEqualTo(first.id());
		assertThat(ofChanged.changesSinceLastReview()).hasSize(1);
		StageChange change = ofChanged.changesSinceLastReview().get(0);
		assertThat(change.fromAmount()).isEqualByComparingTo("1100");
		assertThat(change.toAmount()).isEqualByComparingTo("1500");
		assertThat(change.fromCloseDate()).isEqualTo(this.in);
		assertThat(change.toCloseDate()).isEqualTo(this.in.plusDays(1));
		assertThat(ofChanged.newSinceLastReview()).isFalse();
		assertThat(ofChanged.flags().labels()).contains("Amount changed", "Close date pushed once");

		Step ofQuiet = step(second, order, quiet);
		assertThat(ofQuiet.changesSinceLastReview()).isEmpty();
		assertThat(ofQuiet.newSinceLastReview()).isFalse();
		Step ofAdded = step(second, order, added);
		assertThat(ofAdded.newSinceLastReview()).isTrue();

		// the first review has nothing to compare with
		assertThat(this.reviews.walk(viewer(this.manager), first.id(), 1).lastReview()).isNull();
	}

	@Test
	void theRecordKeepsTheDealsWalkedAndTheNotesAndOnlyTheOneRunningItChangesIt() {
		Opportunity one = deal(this.rep, "1000", this.in);
		deal(this.rep, "900", this.in);
		Review review = this.reviews.start(viewer(this.manager), request(SubjectKind.REP, this.rep));
		this.reviews.walk(viewer(this.manager), review.id(), 1);
		this.reviews.note(viewer(this.manager), review.id(), one.id(), "  Champion left; find a new one.  ");
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.reviews.note(viewer(this.rep), review.id(), one.id(), "mine"));
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.reviews.end(viewer(this.teamLead), review.id(), null));

		Review ended = this.reviews.end(viewer(this.manager), review.id(), "Two deals, one at risk");
		assertThat(ended.ended()).isTrue();
		assertThat(ended.discussed()).isEqualTo(1);
		assertThat(ended.summary()).isEqualTo("Two deals, one at risk");
		assertThat(this.reviews.end(viewer(this.manager), review.id(), "again").endedAt()).isEqualTo(ended.endedAt());
		assertThat(this.reviews.record(viewer(this.manager), review.id()).deals().get(0).note())
			.isEqualTo("Champion left; find a new one.");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.reviews.note(viewer(this.manager), review.id(), one.id(), "late"));
		assertThat(this.reviews.list(viewer(this.teamLead), this.rep.id(), 10)).extracting(Review::id)
			.containsExactly(review.id());
		assertThat(this.reviews.list(viewer(this.otherRep), this.rep.id(), 10)).isEmpty();
	}

	@Test
	void startingAReviewIsCapturedOnceAsMeetingModeNotPerDealWalked() throws Exception {
		Opportunity first = deal(this.rep, "1000", this.in);
		Opportunity second = deal(this.rep, "2000", this.in);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.manager);
		// the form's boxes all unticked send no deal: refused, not the default deals
		this.mvc
			.perform(post("/pipeline/reviews").param("kind", "REP")
				.param("subject", this.rep.id().toString())
				.param("period", this.quarter.code())
				.with(session)
				.with(csrf()))
			.andExpect(content().string(containsString("Tick at least one deal to walk.")));
		String location = this.mvc
			.perform(post("/pipeline/reviews").param("kind", "REP")
				.param("subject", this.rep.id().toString())
				.param("period", this.quarter.code())
				.param("deals", first.id().toString(), second.id().toString())
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).endsWith("/deals/1");
		UUID id = UUID.fromString(location.split("/")[3]);
		this.mvc.perform(get(location).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("deal 1 of 2")))
			.andExpect(content().string(containsString("data-inline-field=\"closeDate\"")));
		this.mvc.perform(get("/pipeline/reviews/" + id + "/deals/2").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("deal 2 of 2")));
		this.mvc.perform(post("/pipeline/reviews/" + id + "/end").with(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/pipeline/reviews").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(id.toString())));

		assertThat(this.events.stream(FeatureUsed.class).filter(event -> id.equals(event.recordId()))).singleElement()
			.satisfies(event -> {
				assertThat(event.kind()).isEqualTo(UsageKind.MEETING_MODE);
				assertThat(event.module()).isEqualTo("forecasting");
				assertThat(event.userId()).isEqualTo(this.manager.id());
			});
	}

	@Test
	void thePagesRefuseOthersPipelinesAndSayWhatIsWrongInPlace() throws Exception {
		deal(this.rep, "1000", this.in);
		RequestPostProcessor repSession = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/pipeline/reviews/new").param("subject", this.otherRep.id().toString()).with(repSession))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/pipeline/reviews/new").param("subject", this.rep.id().toString()).with(repSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"review-candidates\"")));
		this.mvc
			.perform(post("/pipeline/reviews").param("kind", "REP")
				.param("subject", this.rep.id().toString())
				.param("period", "2026-Q9")
				.with(repSession)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"review-error\"")))
			.andExpect(content().string(containsString("2026-Q4")));
		this.mvc.perform(get("/pipeline/reviews/" + UUID.randomUUID()).with(repSession))
			.andExpect(status().isNotFound());
		// whose pipeline: the people below who own deals, not a marketing user with none
		User marketer = this.fixtures.person(Role.MARKETING, this.teamLead);
		this.mvc.perform(get("/pipeline/reviews/new").with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + this.rep.id() + "\"")))
			.andExpect(content().string(not(containsString("value=\"" + marketer.id() + "\""))));
	}

	@Test
	void theApiStartsListsAndEndsReviewsScopedLikeThePages() throws Exception {
		Opportunity one = deal(this.rep, "1000", this.in);
		String body = """
				{"kind": "REP", "subjectId": "%s", "period": "%s", "otherAttendees": "Sam"}
				""".formatted(this.rep.id(), this.quarter.code());
		String created = this.mvc
			.perform(post("/api/v1/pipeline/reviews").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/pipeline/reviews/")))
			.andExpect(jsonPath("$.review.subjectKind").value("REP"))
			.andExpect(jsonPath("$.review.period").value(this.quarter.code()))
			.andExpect(jsonPath("$.deals[0].dealId").value(one.id().toString()))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		String id = created.substring(created.lastIndexOf('/') + 1);

		this.mvc
			.perform(get("/api/v1/pipeline/reviews").param("subject", this.rep.id().toString())
				.with(TestUsers.basic(this.teamLead)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(id)));
		this.mvc.perform(get("/api/v1/pipeline/reviews").with(TestUsers.basic(this.otherRep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", not(hasItem(id))));
		this.mvc.perform(get("/api/v1/pipeline/reviews/" + id).with(TestUsers.basic(this.otherRep)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/pipeline/reviews/" + UUID.randomUUID()).with(TestUsers.basic(this.manager)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/pipeline/reviews").contentType(MediaType.APPLICATION_JSON).content("""
				{"kind": "REP", "subjectId": "%s"}
				""".formatted(this.otherRep.id())).with(TestUsers.basic(this.manager)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/pipeline/reviews").contentType(MediaType.APPLICATION_JSON).content("""
				{"kind": "REP", "subjectId": "%s", "period": "Q4"}
				""".formatted(this.rep.id())).with(TestUsers.basic(this.manager)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("2026-Q4")));

		this.mvc
			.perform(put("/api/v1/pipeline/reviews/" + id + "/deals/" + one.id() + "/note")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\": \"Ask for the budget owner\"}")
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.note").value("Ask for the budget owner"));
		this.mvc
			.perform(post("/api/v1/pipeline/reviews/" + id + "/end").contentType(MediaType.APPLICATION_JSON)
				.content("{\"summary\": \"Done\"}")
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.endedAt").isNotEmpty());
	}

	@Test
	void anInlineChangeInTheWalkOnAStaleVersionIsAConflictAndKeptInTheStageHistory() throws Exception {
		Opportunity deal = deal(this.rep, "1000", this.in);
		Review review = this.reviews.start(viewer(this.manager), request(SubjectKind.REP, this.rep));
		Step step = this.reviews.walk(viewer(this.manager), review.id(), 1);
		assertThat(step.canEdit()).isTrue();
		long read = step.deal().version();
		// the rep changes the deal meanwhile
		this.fixtures.update(deal, null, "1200", this.in);

		this.mvc
			.perform(patch("/api/v1/opportunities/" + deal.id() + "/fields/closeDate")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\": \"%s\", \"version\": %d}".formatted(this.in.plusDays(2), read))
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.current.version").value(read + 1));
		this.mvc
			.perform(patch("/api/v1/opportunities/" + deal.id() + "/fields/closeDate")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\": \"%s\", \"version\": %d}".formatted(this.in.plusDays(2), read + 1))
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk());
		assertThat(this.opportunities.history(viewer(this.manager), deal.id()).get(0).toCloseDate())
			.isEqualTo(this.in.plusDays(2));
		// an ended review offers no inline change
		this.reviews.end(viewer(this.manager), review.id(), null);
		assertThat(this.reviews.walk(viewer(this.manager), review.id(), 1).canEdit()).isFalse();
	}

	private Step step(Review review, List<ReviewDeal> order, Opportunity deal) {
		int position = order.stream().filter(d -> d.dealId().equals(deal.id())).findFirst().orElseThrow().position();
		return this.reviews.walk(viewer(this.manager), review.id(), position);
	}

	private ReviewRequest request(SubjectKind kind, User subject) {
		return new ReviewRequest(kind, subject.id(), this.quarter.code(), null, null, null);
	}

	private static Viewer viewer(User user) {
		return TestUsers.viewer(user);
	}

	private Opportunity deal(User owner, String amount, LocalDate closeDate) {
		return this.fixtures.deal(owner, ForecastingFixtures.PROPOSAL, amount, closeDate);
	}

}
