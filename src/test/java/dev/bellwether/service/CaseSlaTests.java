package dev.bellwether.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.service.SlaPolicyDetails.TargetMinutes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Case SLAs on the whole application, in a calendar of the test's own (Europe/Berlin,
 * Monday to Friday 09:00–17:00; CEST, UTC+2, all June) through an Enterprise policy of
 * its own, so that nothing another test does to the company calendar or the default
 * policy changes the figures. Expected instants are computed by hand, in UTC.
 * <p>
 * The sweep runs over every case in the shared database: its "now" stays before the
 * tests' application clock (2026-06-17T10:00Z), so only this class's back-dated cases can
 * be due, and each assertion looks at the test's own case.
 */
@IntegrationTest
@RecordApplicationEvents
class CaseSlaTests {

	static final Instant FRIDAY_15_00 = Instant.parse("2026-06-12T13:00:00Z");

	@Autowired
	Clock clock;

	@Autowired
	Cases cases;

	@Autowired
	CaseQueues queues;

	@Autowired
	CaseSlas slas;

	@Autowired
	SlaSweep sweep;

	@Autowired
	SlaPolicies policies;

	@Autowired
	ServiceAccountTiers tiers;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	MockMvc mvc;

	Viewer admin;

	UUID calendarId;

	SlaPolicy policy;

	User owner;

	User manager;

	UUID accountId;

	UUID queueId;

	final List<UUID> policiesAdded = new ArrayList<>();

	@BeforeEach
	void aBerlinCalendarAnEnterprisePolicyAnAccountAQueueAndItsManager() {
		this.admin = TestUsers.viewer(this.users.create(Role.ADMIN));
		this.calendarId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into business_calendars (id, name, is_default, time_zone, created_at, updated_at)
				values (:id, :name, false, 'Europe/Berlin', now(), now())
				""").param("id", this.calendarId).param("name", "SLA tests " + this.calendarId).update();
		this.jdbc.sql("""
				insert into business_calendar_hours (id, calendar_id, day_of_week, start_minute, end_minute)
				select gen_random_uuid(), :id, d, 540, 1020 from generate_series(1, 5) as d
				""").param("id", this.calendarId).update();
		Map<CasePriority, TargetMinutes> targets = new EnumMap<>(CasePriority.class);
		targets.put(CasePriority.URGENT, new TargetMinutes(60, 240));
		targets.put(CasePriority.HIGH, new TargetMinutes(240, 480));
		targets.put(CasePriority.NORMAL, new TargetMinutes(480, 1440));
		targets.put(CasePriority.LOW, new TargetMinutes(480, 2400));
		this.policy = this.policies.create(this.admin, new SlaPolicyDetails("Enterprise " + this.calendarId,
				this.calendarId, AccountTier.ENTERPRISE, true, 25, targets));
		this.policiesAdded.add(this.policy.id());
		this.owner = this.users.create(Role.SERVICE);
		this.manager = this.users.create(Role.SERVICE);
		User rep = this.users.create(Role.REP);
		this.accountId = this.customers.account(rep, "Tiered " + TestCustomers.tag(), null).id();
		this.tiers.set(this.admin, this.accountId, AccountTier.ENTERPRISE);
		this.queueId = this.queues.create(this.admin, "SLA queue " + this.calendarId, null, this.manager.id()).id();
	}

	@AfterEach
	void deleteThePolicy() {
		this.policiesAdded.forEach(id -> this.policies.delete(this.admin, id));
	}

	private SupportCase openThroughTheCases(CasePriority priority) {
		SupportCase opened = this.cases.open(this.admin, new CaseDetails("SLA " + UUID.randomUUID(), null,
				this.accountId, null, null, priority, null, this.owner.id(), this.queueId, null, null));
		await().until(() -> this.slas.of(opened.id(), this.clock.instant()).isPresent());
		return opened;
	}

	/**
	 * A case whose SLA starts again at a chosen instant, driven by the test: its own
	 * opening's SLA (from the real event, handled by now) is put aside.
	 */
	private SupportCase openedAt(Instant at, CasePriority priority) {
		SupportCase opened = openThroughTheCases(priority);
		this.jdbc.sql("delete from case_sla where case_id = :id").param("id", opened.id()).update();
		this.jdbc.sql("delete from case_sla_events where case_id = :id").param("id", opened.id()).update();
		this.slas.opened(new CaseOpened(opened.id(), priority, this.accountId, at));
		return opened;
	}

	private Instant stored(UUID caseId, SlaMetric metric, String column) {
		return this.jdbc.sql("select " + column + " from case_sla_clocks where case_id = :id and metric = :metric")
			.param("id", caseId)
			.param("metric", metric.name())
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
			.optional()
			.map(java.time.OffsetDateTime::toInstant)
			.orElse(null);
	}

	/** The one notification's title and body, a line apart. */
	private String message(User user, String kind, UUID caseId) {
		return this.jdbc
			.sql("select title || chr(10) || body from notifications where user_id = :user and kind = :kind"
					+ " and link = :link")
			.param("user", user.id())
			.param("kind", kind)
			.param("link", "/cases/" + caseId)
			.query(String.class)
			.single();
	}

	private long notifications(User user, String kind, UUID caseId) {
		return this.jdbc
			.sql("select count(*) from notifications where user_id = :user and kind = :kind and link = :link")
			.param("user", user.id())
			.param("kind", kind)
			.param("link", "/cases/" + caseId)
			.query(Long.class)
			.single();
	}

	private List<CaseSlaEventKind> history(UUID caseId, SlaMetric metric) {
		return this.slas.history(caseId)
			.stream()
			.filter(e -> e.metric() == null || e.metric() == metric)
			.map(CaseSla.Entry::kind)
			.toList();
	}

	private static Instant utc(String text) {
		return Instant.parse(text);
	}

	@Test
	void theCasesEventsKeepItsSla() {
		SupportCase opened = openThroughTheCases(CasePriority.NORMAL);
		UUID id = opened.id();

		CaseSla started = this.slas.of(id, this.clock.instant()).orElseThrow();
		assertThat(started.policyId()).isEqualTo(this.policy.id());
		assertThat(started.calendarId()).isEqualTo(this.calendarId);
		assertThat(started.accountTier()).isEqualTo(AccountTier.ENTERPRISE);
		assertThat(started.history().get(0).kind()).isEqualTo(CaseSlaEventKind.STARTED);
		assertThat(started.history().get(0).firstResponseMinutes()).isEqualTo(480);

		this.cases.changeStatus(this.owner.id(), id, CaseStatus.WAITING_ON_CUSTOMER);
		await()
			.until(() -> this.slas.of(id, this.clock.instant()).orElseThrow().counting() == SlaClock.Counting.PAUSED);
		this.cases.addComment(this.owner.id(), id, "An internal note", true);
		this.cases.addComment(this.owner.id(), id, "We are on it", false);
		await().until(() -> history(id, SlaMetric.FIRST_RESPONSE).contains(CaseSlaEventKind.RESPONDED));
		SupportCase now = this.cases.find(id).orElseThrow();
		this.cases.changePriority(TestUsers.viewer(this.owner), id, now.version(), CasePriority.URGENT);
		await().until(() -> history(id, SlaMetric.RESOLUTION).contains(CaseSlaEventKind.TARGETS_CHANGED));
		this.cases.changeStatus(this.owner.id(), id, CaseStatus.RESOLVED);
		await()
			.until(() -> this.slas.of(id, this.clock.instant()).orElseThrow().counting() == SlaClock.Counting.STOPPED);

		CaseSla resolved = this.slas.of(id, this.clock.instant()).orElseThrow();
		assertThat(resolved.priority()).isEqualTo(CasePriority.URGENT);
		assertThat(resolved.status().firstResponse().state()).isEqualTo(SlaState.MET);
		assertThat(resolved.status().firstResponse().completedAt())
			.isEqualTo(this.cases.find(id).orElseThrow().firstResponseAt());
		assertThat(resolved.status().resolution().state()).isEqualTo(SlaState.MET);
		assertThat(resolved.status().resolution().target()).hasMinutes(240);
		assertThat(history(id, SlaMetric.RESOLUTION)).containsSubsequence(CaseSlaEventKind.STARTED,
				CaseSlaEventKind.PAUSED, CaseSlaEventKind.RESPONDED, CaseSlaEventKind.TARGETS_CHANGED,
				CaseSlaEventKind.STOPPED, CaseSlaEventKind.MET);
		assertThat(history(id, SlaMetric.RESOLUTION)).as("the internal note is no response")
			.containsOnlyOnce(CaseSlaEventKind.RESPONDED);
	}

	@Test
	void storesDueInstantsThroughTheCalendarAndThePausesAndSweepsOnceEach() {
		// Friday 12 June 15:00 CEST (13:00Z), NORMAL: 8 h to respond, 24 h to resolve.
		// Waiting on the customer Monday 10:00–Tuesday 09:00 CEST, 3 h used by then.
		// First response: 5 h left from Tuesday 09:00 CEST, due 14:00 CEST = 12:00Z;
		// due soon with a quarter (2 h) left, 6 h used: Tuesday 12:00 CEST = 10:00Z.
		SupportCase opened = openedAt(FRIDAY_15_00, CasePriority.NORMAL);
		UUID id = opened.id();
		this.slas.statusChanged(new CaseStatusChanged(id, CaseStatus.OPEN, CaseStatus.WAITING_ON_CUSTOMER, null,
				utc("2026-06-15T08:00:00Z")));
		this.slas.statusChanged(new CaseStatusChanged(id, CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.OPEN, null,
				utc("2026-06-16T07:00:00Z")));

		assertThat(stored(id, SlaMetric.FIRST_RESPONSE, "due_at")).isEqualTo(utc("2026-06-16T12:00:00Z"));
		assertThat(stored(id, SlaMetric.FIRST_RESPONSE, "warn_at")).isEqualTo(utc("2026-06-16T10:00:00Z"));
		// resolution: 21 h left from Tuesday 09:00 CEST: Tuesday 8, Wednesday 8, Thursday
		// 5 to 14:00 CEST = 12:00Z
		assertThat(stored(id, SlaMetric.RESOLUTION, "due_at")).isEqualTo(utc("2026-06-18T12:00:00Z"));

		this.sweep.run(utc("2026-06-16T09:59:00Z"));
		assertThat(notifications(this.owner, SlaSweep.WARNING_KIND, id)).isZero();

		SlaSweep.Result warning = this.sweep.run(utc("2026-06-16T10:30:00Z"));
		this.sweep.run(utc("2026-06-16T10:31:00Z"));
		assertThat(warning.warned()).extracting(SlaSweep.Found::caseId).containsOnlyOnce(id);
		assertThat(notifications(this.owner, SlaSweep.WARNING_KIND, id)).isOne();
		assertThat(message(this.owner, SlaSweep.WARNING_KIND, id))
			.startsWith("#" + opened.number() + " " + opened.subject() + ": first response due soon\nDue ")
			.endsWith(").");
		assertThat(this.events.stream(CaseSlaWarning.class).filter(e -> e.caseId().equals(id)))
			.containsExactly(new CaseSlaWarning(id, SlaMetric.FIRST_RESPONSE, utc("2026-06-16T12:00:00Z"),
					utc("2026-06-16T10:30:00Z")));

		this.sweep.run(utc("2026-06-16T12:00:00Z"));
		assertThat(notifications(this.manager, SlaSweep.BREACH_KIND, id)).as("due, not yet past").isZero();
		this.sweep.run(utc("2026-06-16T12:00:01Z"));
		this.sweep.run(utc("2026-06-16T13:00:00Z"));
		assertThat(notifications(this.manager, SlaSweep.BREACH_KIND, id)).isOne();
		assertThat(notifications(this.owner, SlaSweep.BREACH_KIND, id)).isZero();
		assertThat(message(this.manager, SlaSweep.BREACH_KIND, id))
			.startsWith("#" + opened.number() + " " + opened.subject() + ": first response SLA breached\nIt was due ")
			.endsWith("; owner " + this.owner.fullName() + ".");
		assertThat(this.events.stream(CaseSlaBreached.class).filter(e -> e.caseId().equals(id)))
			.containsExactly(new CaseSlaBreached(id, SlaMetric.FIRST_RESPONSE, utc("2026-06-16T12:00:00Z"),
					utc("2026-06-16T12:00:01Z")));

		this.slas.commented(
				new CaseCommented(id, UUID.randomUUID(), CommentSource.AGENT, false, utc("2026-06-16T13:30:00Z")));
		assertThat(history(id, SlaMetric.FIRST_RESPONSE)).containsExactly(CaseSlaEventKind.STARTED,
				CaseSlaEventKind.PAUSED, CaseSlaEventKind.RESUMED, CaseSlaEventKind.WARNED, CaseSlaEventKind.BREACHED,
				CaseSlaEventKind.RESPONDED, CaseSlaEventKind.MISSED);
		CaseSla sla = this.slas.of(id, utc("2026-06-16T14:00:00Z")).orElseThrow();
		assertThat(sla.status().firstResponse().state()).isEqualTo(SlaState.MISSED);
		assertThat(sla.status().firstResponse().breachedAt()).isEqualTo(utc("2026-06-16T12:00:00Z"));
		assertThat(sla.firstResponseEscalatedAt()).isEqualTo(utc("2026-06-16T12:00:01Z"));
		assertThat(sla.status().resolution().state()).isEqualTo(SlaState.RUNNING);
	}

	@Test
	void aRaisedPriorityIsBreachedAtOnceAndEscalatedWithoutAWarningFirst() {
		// Monday 8 June 09:00 CEST (07:00Z) NORMAL; at 14:00 CEST raised to URGENT (1 h):
		// due back at 10:00 CEST = 08:00Z, so breached the moment it is swept
		SupportCase opened = openedAt(utc("2026-06-08T07:00:00Z"), CasePriority.NORMAL);
		UUID id = opened.id();
		assertThat(stored(id, SlaMetric.FIRST_RESPONSE, "due_at")).isEqualTo(utc("2026-06-08T15:00:00Z"));

		this.slas.priorityChanged(
				new CasePriorityChanged(id, CasePriority.NORMAL, CasePriority.URGENT, utc("2026-06-08T12:00:00Z")));

		assertThat(stored(id, SlaMetric.FIRST_RESPONSE, "due_at")).isEqualTo(utc("2026-06-08T08:00:00Z"));
		assertThat(stored(id, SlaMetric.RESOLUTION, "due_at")).isEqualTo(utc("2026-06-08T11:00:00Z"));
		SlaSweep.Result result = this.sweep.run(utc("2026-06-08T12:00:01Z"));
		assertThat(result.breached().stream().filter(f -> f.caseId().equals(id))).extracting(SlaSweep.Found::metric)
			.containsExactlyInAnyOrder(SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION);
		assertThat(result.warned()).extracting(SlaSweep.Found::caseId).doesNotContain(id);
		assertThat(notifications(this.manager, SlaSweep.BREACH_KIND, id)).isEqualTo(2);
		assertThat(notifications(this.owner, SlaSweep.WARNING_KIND, id)).isZero();
	}

	@Test
	void aReopenedCaseIsNotEscalatedAgainForTheSameBreach() {
		// Monday 8 June 09:00 CEST URGENT: resolution due 13:00 CEST (11:00Z); escalated,
		// resolved late on Tuesday, reopened on Wednesday: still breached, told once
		SupportCase opened = openedAt(utc("2026-06-08T07:00:00Z"), CasePriority.URGENT);
		UUID id = opened.id();
		this.slas.commented(
				new CaseCommented(id, UUID.randomUUID(), CommentSource.AGENT, false, utc("2026-06-08T07:30:00Z")));
		this.sweep.run(utc("2026-06-08T11:00:01Z"));
		this.slas.statusChanged(
				new CaseStatusChanged(id, CaseStatus.OPEN, CaseStatus.RESOLVED, null, utc("2026-06-09T08:00:00Z")));
		assertThat(this.slas.of(id, utc("2026-06-09T09:00:00Z")).orElseThrow().status().resolution().state())
			.isEqualTo(SlaState.MISSED);

		this.slas.statusChanged(
				new CaseStatusChanged(id, CaseStatus.RESOLVED, CaseStatus.OPEN, null, utc("2026-06-10T08:00:00Z")));
		this.sweep.run(utc("2026-06-10T09:00:00Z"));

		assertThat(this.slas.of(id, utc("2026-06-10T09:00:00Z")).orElseThrow().status().resolution().state())
			.isEqualTo(SlaState.BREACHED);
		assertThat(notifications(this.manager, SlaSweep.BREACH_KIND, id)).isOne();
		assertThat(history(id, SlaMetric.FIRST_RESPONSE)).contains(CaseSlaEventKind.MET)
			.doesNotContain(CaseSlaEventKind.BREACHED);
	}

	@Test
	void anEventHandledTwiceOrBeforeTheOpeningCountsOnce() {
		SupportCase opened = openThroughTheCases(CasePriority.HIGH);
		UUID id = opened.id();
		this.jdbc.sql("delete from case_sla where case_id = :id").param("id", id).update();
		this.jdbc.sql("delete from case_sla_events where case_id = :id").param("id", id).update();
		CaseStatusChanged pause = new CaseStatusChanged(id, CaseStatus.OPEN, CaseStatus.WAITING_ON_CUSTOMER, null,
				utc("2026-06-08T09:00:00Z"));

		this.slas.statusChanged(pause);
		this.slas.opened(new CaseOpened(id, CasePriority.HIGH, this.accountId, utc("2026-06-08T07:00:00Z")));
		this.slas.statusChanged(pause);

		// HIGH: 4 h to respond; 2 h used by 11:00 CEST, then paused
		CaseSla sla = this.slas.of(id, utc("2026-06-09T12:00:00Z")).orElseThrow();
		assertThat(sla.status().firstResponse().state()).isEqualTo(SlaState.PAUSED);
		assertThat(sla.status().firstResponse().elapsed()).hasHours(2);
		assertThat(history(id, SlaMetric.FIRST_RESPONSE)).containsExactly(CaseSlaEventKind.STARTED,
				CaseSlaEventKind.PAUSED);
		assertThat(stored(id, SlaMetric.FIRST_RESPONSE, "due_at")).as("paused: the sweep passes it by").isNull();
	}

	@Test
	void theCasePageCountsDownAndTheApiAnswersTheSameState() throws Exception {
		// Friday 12 June 15:00 CEST, NORMAL, nothing since; seen on Wednesday 17th from
		// 12:00 CEST (the application clock): first response (8 h) ran out on Monday,
		// resolution (24 h) has 3 h of 24 left, under a quarter
		SupportCase opened = openedAt(FRIDAY_15_00, CasePriority.NORMAL);
		UUID id = opened.id();

		this.mvc.perform(get("/cases/" + id).with(TestUsers.signIn(this.mvc, this.owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"/cases/" + id + "/sla\"")));
		this.mvc.perform(get("/cases/" + id + "/sla").with(TestUsers.signIn(this.mvc, this.owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sla-first_response\"")))
			.andExpect(content().string(containsString("data-sla-state=\"BREACHED\"")))
			.andExpect(content().string(containsString("data-sla-state=\"WARNING\"")))
			.andExpect(content().string(containsString("Clocks started")));
		this.mvc.perform(get("/api/v1/cases/" + id + "/sla").with(TestUsers.basic(this.owner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.policyId").value(this.policy.id().toString()))
			.andExpect(jsonPath("$.firstResponse.state").value("BREACHED"))
			.andExpect(jsonPath("$.firstResponse.dueAt").value("2026-06-15T13:00:00Z"))
			.andExpect(jsonPath("$.resolution.state").value("WARNING"))
			.andExpect(jsonPath("$.resolution.targetBusinessMinutes").value(1440))
			.andExpect(jsonPath("$.history[0].kind").value("STARTED"));

		User stranger = this.users.create(Role.REP);
		this.mvc.perform(get("/cases/" + id + "/sla").with(TestUsers.signIn(this.mvc, stranger)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/cases/" + id + "/sla").with(TestUsers.basic(stranger)))
			.andExpect(status().isNotFound());
	}

}
