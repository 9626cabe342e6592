package dev.bellwether.dataquality;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.notifications.Notification;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.closeTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk on real data: scores checked against the test's own computation from the
 * records it creates, the queue found, assigned, asked about and tracked as fixed, and
 * who sees what. The database is shared: every assertion is about this test's people.
 */
@IntegrationTest
class DataQualityDeskTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	UserDirectory directory;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	PipelineStages stages;

	@Autowired
	CompletenessRules rules;

	@Autowired
	QualityMeasurement measurement;

	@Autowired
	QualityScores scores;

	@Autowired
	StewardQueue queue;

	@Autowired
	Notifications notifications;

	@Autowired
	DataQualityJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void scoresAreTheMeanOfTheRecordScoresOfEachOwnerAndTeam() {
		Team team = team();

		this.measurement.measure();

		// the expected scores, from the records as this test wrote them and the rules in
		// force
		Map<String, List<String>> counted = countedFields(team);
		double a1 = share(counted.get("account"), team.a1Filled);
		double a2 = share(counted.get("account"), team.a2Filled);
		double c1 = share(counted.get("contact"), team.c1Filled);
		double c2 = share(counted.get("contact"), team.c2Filled);
		double d1 = share(counted.get("early"), team.d1Filled);
		double d2 = share(counted.get("late"), team.d2Filled);
		Scoreboard board = this.scores.scoreboard(admin(), team.manager.id());

		Scoreboard.OwnerScore first = owner(board, team.first);
		Scoreboard.OwnerScore second = owner(board, team.second);
		assertThat(first.overall().records()).isEqualTo(4);
		assertThat(first.overall().mean()).isCloseTo((a1 + a2 + c1 + d2) / 4, within(1e-4));
		assertThat(first.byType().get("account").mean()).isCloseTo((a1 + a2) / 2, within(1e-4));
		assertThat(second.overall().records()).isEqualTo(2);
		assertThat(second.overall().mean()).isCloseTo((c2 + d1) / 2, within(1e-4));
		assertThat(board.overall().records()).isEqualTo(6);
		assertThat(board.overall().mean()).isCloseTo((a1 + a2 + c1 + c2 + d1 + d2) / 6, within(1e-4));
		assertThat(board.overall().complete())
			.isEqualTo(List.of(a1, a2, c1, c2, d1, d2).stream().filter(s -> s == 1.0).count());
		assertThat(board.teams()).first()
			.satisfies(row -> assertThat(row.managerId()).isEqualTo(team.manager.id()))
			.satisfies(row -> assertThat(row.overall().mean()).isCloseTo(board.overall().mean(), within(1e-9)));
		// the drill into one person's records scores them as they are now, lowest first
		assertThat(this.scores.records(admin(), team.first.id(), "account"))
			.extracting(ScoredRecord::id, ScoredRecord::score)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(team.a2.id(), a2),
					org.assertj.core.groups.Tuple.tuple(team.a1.id(), a1));
	}

	@Test
	void theTrendAddsUpEachDaysSnapshotsOfTheTeam() {
		Team team = team();
		this.job.nightly();
		LocalDate today = this.opportunities.today();
		// an earlier day's snapshot of the same people, as the nightly job left it
		this.jdbc.sql("""
				insert into quality_snapshots (day, record_type, owner_id, records, score_sum, complete, measured_at)
				values (:day, 'account', :first, 2, 0.5, 0, now()), (:day, 'contact', :second, 2, 1.5, 1, now())
				""")
			.param("day", today.minusDays(7))
			.param("first", team.first.id())
			.param("second", team.second.id())
			.update();

		List<TrendPoint> trend = this.scores.trend(admin(), team.manager.id(), 30);

		assertThat(trend).extracting(TrendPoint::day).containsExactly(today.minusDays(7), today);
		assertThat(trend.get(0).overall().mean()).isCloseTo((0.5 + 1.5) / 4, within(1e-9));
		assertThat(trend.get(0).byType().get("account").mean()).isCloseTo(0.25, within(1e-9));
		assertThat(trend.get(1).overall().records()).isEqualTo(6);
	}

	@Test
	void brokenRecordsAreQueuedAssignedAskedAboutAndTrackedAsFixed() {
		Team team = team();
		User leaver = this.users.create(Role.REP, team.manager.id());
		Opportunity orphan = deal(leaver, team.a1, null, early(), "Orphan", null, null, null);
		this.directory.deactivate(leaver.id(), admin().id());
		// the first rep's late deal: untouched for a year and its close date passed
		this.jdbc.sql("""
				update opportunities set last_touched_at = last_touched_at - interval '365 days',
				  close_date = :past where id = :id
				""").param("past", this.opportunities.today().minusDays(3)).param("id", team.d2.id()).update();

		this.measurement.measure();

		Viewer steward = steward();
		Map<QualityIssueKind, QualityIssue> d2 = issuesOf(steward, team.d2.id());
		assertThat(d2).containsKeys(QualityIssueKind.STALE, QualityIssueKind.OVERDUE, QualityIssueKind.NO_NEXT_STEP,
				QualityIssueKind.NO_CONTACT);
		assertThat(issuesOf(steward, orphan.id())).containsKey(QualityIssueKind.ORPHANED);
		assertThat(issuesOf(steward, team.c2.id())).containsKey(QualityIssueKind.NO_ACCOUNT);
		assertThat(issuesOf(steward, team.c1.id())).doesNotContainKey(QualityIssueKind.NO_ACCOUNT);
		assertThat(issuesOf(steward, team.d1.id())).doesNotContainKeys(QualityIssueKind.STALE, QualityIssueKind.OVERDUE,
				QualityIssueKind.NO_NEXT_STEP);
		// a record below the threshold is incomplete, one above it is not
		assertThat(issuesOf(steward, team.a2.id())).containsKey(QualityIssueKind.INCOMPLETE);
		assertThat(issuesOf(steward, team.a1.id())).doesNotContainKey(QualityIssueKind.INCOMPLETE);
		assertThat(
				this.queue
					.list(steward,
							new IssueFilter(QualityIssueKind.NO_NEXT_STEP, null, null, team.manager.id(), null, false,
									"open"),
							PageRequest.of(0, 50))
					.getContent())
			.extracting(QualityIssue::recordId)
			.contains(team.d2.id())
			.doesNotContain(team.d1.id());

		QualityIssue noNextStep = d2.get(QualityIssueKind.NO_NEXT_STEP);
		this.queue.assign(steward, noNextStep.id(), steward.id());
		OwnerRequest asked = this.queue.askOwner(steward, noNextStep.id(), "Please add the next step.");
		assertThat(this.notifications.of(team.first.id(), PageRequest.of(0, 10)).getContent())
			.extracting(Notification::id, Notification::kind, Notification::link)
			.contains(org.assertj.core.groups.Tuple.tuple(asked.notificationId(), StewardQueue.NOTIFICATION_KIND,
					"/opportunities/" + team.d2.id() + "/edit"));
		assertThat(this.queue.requests(steward, noNextStep.id())).extracting(OwnerRequest::message)
			.containsExactly("Please add the next step.");
		assertThatThrownBy(() -> this.queue.askOwner(steward,
				issuesOf(steward, orphan.id()).get(QualityIssueKind.ORPHANED).id(), null))
			.isInstanceOf(InvalidInputException.class);

		// the owner adds a next step; the next measurement finds the issue fixed and
		// keeps its history
		Opportunity current = this.opportunities.get(admin(), team.d2.id());
		OpportunityDetails details = current.details();
		this.opportunities.update(TestUsers.viewer(team.first), current.id(), current.version(),
				new OpportunityDetails(details.name(), details.accountId(), details.primaryContactId(),
						details.ownerId(), details.stageId(), details.amount(), details.amountFromLineItems(),
						details.closeDate(), details.probability(), details.forecastCategory(), "Send the proposal",
						details.leadSource(), details.lossReason(), details.description(), details.lossReasonDetail(),
						details.competitor()));
		this.measurement.measure();

		QualityIssue fixed = this.queue.get(steward, noNextStep.id());
		assertThat(fixed.isOpen()).isFalse();
		assertThat(fixed.fixedAfterAsking()).isTrue();
		assertThat(fixed.assigneeId()).isEqualTo(steward.id());
		assertThat(fixed.askedCount()).isEqualTo(1);
		assertThat(this.queue.get(steward, d2.get(QualityIssueKind.NO_CONTACT).id()).isOpen()).isTrue();
		assertThatThrownBy(() -> this.queue.askOwner(steward, noNextStep.id(), null))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void managersSeeTheirOrganisationOnlyAndRepsNothing() throws Exception {
		Team mine = team();
		Team theirs = team();
		this.measurement.measure();
		User manager = mine.manager;
		Viewer viewer = TestUsers.viewer(manager);
		UUID strangerIssue = issuesOf(steward(), theirs.c2.id()).get(QualityIssueKind.NO_ACCOUNT).id();
		UUID ownIssue = issuesOf(steward(), mine.c2.id()).get(QualityIssueKind.NO_ACCOUNT).id();

		assertThat(this.queue.list(viewer, IssueFilter.open(), PageRequest.of(0, 500)).getContent())
			.extracting(QualityIssue::ownerId)
			.contains(mine.second.id())
			.doesNotContain(theirs.first.id(), theirs.second.id());
		assertThat(this.scores.scoreboard(viewer, null).overall().records()).isEqualTo(6);
		assertThatThrownBy(() -> this.scores.scoreboard(viewer, theirs.manager.id()))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> this.queue.get(viewer, strangerIssue)).isInstanceOf(RecordNotFoundException.class);
		assertThat(this.queue.askOwner(viewer, ownIssue, null).ownerId()).isEqualTo(mine.second.id());
		Viewer rep = TestUsers.viewer(mine.first);
		assertThatThrownBy(() -> this.scores.scoreboard(rep, null)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.queue.list(rep, IssueFilter.open(), PageRequest.of(0, 10)))
			.isInstanceOf(ForbiddenException.class);

		this.mvc.perform(get("/api/v1/data-quality/issues/" + strangerIssue).with(TestUsers.basic(manager)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/data-quality/issues").with(TestUsers.basic(mine.first)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(get("/api/v1/data-quality/scores").with(TestUsers.basic(mine.first)))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApiGivesScoresAndTheQueueAndAssignsAndAsks() throws Exception {
		Team team = team();
		User steward = this.users.create(Role.SALES_ADMIN);
		this.mvc.perform(post("/api/v1/data-quality/measure").with(TestUsers.basic(steward)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openIssues").isNumber());
		Scoreboard board = this.scores.scoreboard(admin(), team.manager.id());

		this.mvc
			.perform(get("/api/v1/data-quality/scores").param("team", team.manager.id().toString())
				.with(TestUsers.basic(steward)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.score.records").value(6))
			.andExpect(jsonPath("$.score.score").value(closeTo(board.overall().mean(), 1e-9)))
			.andExpect(jsonPath("$.owners.length()").value(2));
		UUID issue = issuesOf(TestUsers.viewer(steward), team.c2.id()).get(QualityIssueKind.NO_ACCOUNT).id();
		this.mvc
			.perform(get("/api/v1/data-quality/issues").param("owner", team.second.id().toString())
				.param("kind", "NO_ACCOUNT")
				.with(TestUsers.basic(steward)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].id").value(issue.toString()))
			.andExpect(jsonPath("$.page.totalElements").value(1));
		this.mvc
			.perform(post("/api/v1/data-quality/issues/" + issue + "/assign").contentType(MediaType.APPLICATION_JSON)
				.content("{\"assigneeId\": \"" + team.first.id() + "\"}")
				.with(TestUsers.basic(steward)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400));
		this.mvc
			.perform(post("/api/v1/data-quality/issues/" + issue + "/assign").contentType(MediaType.APPLICATION_JSON)
				.content("{\"assigneeId\": \"" + steward.id() + "\"}")
				.with(TestUsers.basic(steward)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assigneeId").value(steward.id().toString()));
		this.mvc
			.perform(post("/api/v1/data-quality/issues/" + issue + "/ask-owner").contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\": \"Which account?\"}")
				.with(TestUsers.basic(steward)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownerId").value(team.second.id().toString()))
			.andExpect(jsonPath("$.notificationId").isNotEmpty());
		this.mvc.perform(get("/api/v1/data-quality/issues/" + issue).with(TestUsers.basic(steward)))
			.andExpect(jsonPath("$.askedCount").value(1));
		this.mvc.perform(post("/api/v1/data-quality/measure").with(TestUsers.basic(team.manager)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aChangedRuleCountsOnlyItsFieldsFromTheNextMeasurement() {
		Team team = team();
		Viewer steward = steward();
		try {
			this.rules.save(steward, "account", null, List.of("website"));
			this.measurement.measure();

			assertThat(this.scores.records(steward, team.first.id(), "account")).extracting(ScoredRecord::score)
				.containsOnly(1.0);
			assertThat(issuesOf(steward, team.a2.id())).doesNotContainKey(QualityIssueKind.INCOMPLETE);
			assertThatThrownBy(() -> this.rules.save(steward, "account", null, List.of("nextStep")))
				.isInstanceOf(InvalidInputException.class);
			assertThatThrownBy(() -> this.rules.save(TestUsers.viewer(team.manager), "account", null, List.of()))
				.isInstanceOf(ForbiddenException.class);
		}
		finally {
			this.rules.reset(steward, "account", null);
		}
		assertThat(this.rules.all().get(0).builtIn()).isTrue();
	}

	// --- the test's own company -------------------------------------------------------

	/**
	 * A manager with two reps and their records, each with the fields the test filled.
	 */
	private Team team() {
		Team team = new Team();
		team.manager = this.users.create(Role.MANAGER);
		team.first = this.users.create(Role.REP, team.manager.id());
		team.second = this.users.create(Role.REP, team.manager.id());
		String tag = UUID.randomUUID().toString().substring(0, 8);
		team.a1 = this.accounts.create(TestUsers.viewer(team.first),
				new AccountDetails("Full " + tag, "https://full-" + tag + ".example", null, "+49 30 1234567", null,
						null, null, null, "DE", 40, null, null, team.first.id(), null));
		team.a1Filled = Set.of("website", "phone", "country", "employees");
		team.a2 = this.accounts.create(TestUsers.viewer(team.first),
				new AccountDetails("Bare " + tag, "https://bare-" + tag + ".example", null, null, null, null, null,
						null, null, null, null, null, team.first.id(), "A description"));
		team.a2Filled = Set.of("website", "description");
		team.c1 = this.contacts.create(TestUsers.viewer(team.first), new ContactDetails("Ada", "Filled " + tag, "CTO",
				"ada." + tag + "@example.com", "+49 30 7654321", null, team.a1.id(), team.first.id()));
		team.c1Filled = Set.of("firstName", "title", "email", "phone", "account");
		team.c2 = this.contacts.create(TestUsers.viewer(team.second), new ContactDetails(null, "Lonely " + tag, null,
				"lonely." + tag + "@example.com", null, null, null, team.second.id()));
		team.c2Filled = Set.of("email");
		team.d1 = deal(team.second, team.a1, null, early(), "Early " + tag, new BigDecimal("1000"), "Call them", "Web");
		team.d1Filled = Set.of("amount", "nextStep", "leadSource");
		team.d2 = deal(team.first, team.a1, null, late(), "Late " + tag, new BigDecimal("5000"), null, null);
		team.d2Filled = Set.of("amount");
		return team;
	}

	private Opportunity deal(User owner, Account account, Contact contact, PipelineStage stage, String name,
			BigDecimal amount, String nextStep, String leadSource) {
		return this.opportunities.create(TestUsers.viewer(owner),
				new OpportunityDetails(name, account.id(), contact == null ? null : contact.id(), owner.id(),
						stage.id(), amount, false, this.opportunities.today().plusDays(30), null, null, nextStep,
						leadSource, null, null, null, null));
	}

	private PipelineStage early() {
		return this.stages.active()
			.stream()
			.filter(s -> s.isOpen() && s.probability() < CompletenessRules.LATE_STAGE_PROBABILITY)
			.findFirst()
			.orElseThrow();
	}

	private PipelineStage late() {
		return this.stages.active()
			.stream()
			.filter(s -> s.isOpen() && s.probability() >= CompletenessRules.LATE_STAGE_PROBABILITY)
			.findFirst()
			.orElseThrow();
	}

	private Map<String, List<String>> countedFields(Team team) {
		Map<String, List<String>> counted = new HashMap<>();
		for (CompletenessRule rule : this.rules.all()) {
			if (rule.stageId() == null) {
				counted.put(rule.recordType(), rule.fields());
			}
			else if (rule.stageId().equals(early().id())) {
				counted.put("early", rule.fields());
			}
			else if (rule.stageId().equals(late().id())) {
				counted.put("late", rule.fields());
			}
		}
		return counted;
	}

	private static double share(List<String> counted, Set<String> filled) {
		int have = 0;
		for (String field : counted) {
			if (filled.contains(field)) {
				have++;
			}
		}
		return (double) have / counted.size();
	}

	private Map<QualityIssueKind, QualityIssue> issuesOf(Viewer viewer, UUID recordId) {
		Map<QualityIssueKind, QualityIssue> found = new HashMap<>();
		this.jdbc.sql("select id from quality_issues where record_id = :id")
			.param("id", recordId)
			.query(UUID.class)
			.list()
			.forEach(id -> {
				QualityIssue issue = this.queue.get(viewer, id);
				if (issue.isOpen()) {
					found.put(issue.kind(), issue);
				}
			});
		return found;
	}

	private static Scoreboard.OwnerScore owner(Scoreboard board, User user) {
		return board.owners().stream().filter(o -> o.ownerId().equals(user.id())).findFirst().orElseThrow();
	}

	private Viewer admin() {
		return TestUsers.viewer(this.users.create(Role.ADMIN));
	}

	private Viewer steward() {
		return TestUsers.viewer(this.users.create(Role.SALES_ADMIN));
	}

	static final class Team {

		User manager;

		User first;

		User second;

		Account a1;

		Set<String> a1Filled;

		Account a2;

		Set<String> a2Filled;

		Contact c1;

		Set<String> c1Filled;

		Contact c2;

		Set<String> c2Filled;

		Opportunity d1;

		Set<String> d1Filled;

		Opportunity d2;

		Set<String> d2Filled;

	}

}
