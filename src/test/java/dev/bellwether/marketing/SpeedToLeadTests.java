package dev.bellwether.marketing;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.notifications.Notification;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordTouched;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.platform.picklist.PickLists;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Speed to lead on the whole application, in the company calendar the tests run with
 * (UTC, Monday to Friday 09:00–17:00, no holidays): the first activity from
 * {@link RecordTouched}, the figures against a count of the test's own, the breach job
 * with a fixed "now" (owner and manager alerted once; closed leads never), and the pages
 * and API. Each test uses a lead source of its own, so other tests' leads never mix in.
 */
@IntegrationTest
class SpeedToLeadTests {

	private static final AtomicInteger SOURCES = new AtomicInteger();

	@Autowired
	Leads leads;

	@Autowired
	SpeedToLead speedToLead;

	@Autowired
	SpeedToLeadAlerts alerts;

	@Autowired
	LeadResponseTargets targets;

	@Autowired
	BusinessCalendars calendars;

	@Autowired
	Notifications notifications;

	@Autowired
	PickLists pickLists;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	User admin;

	Viewer adminViewer;

	String source;

	@BeforeEach
	void aSourceOfItsOwnWithAnHourTarget() {
		this.admin = this.users.create(Role.ADMIN);
		this.adminViewer = TestUsers.viewer(this.admin);
		this.source = "Speed test " + SOURCES.incrementAndGet() + " " + UUID.randomUUID().toString().substring(0, 8);
		this.pickLists.add(this.admin.id(), Leads.SOURCES, this.source);
		this.targets.set(this.adminViewer, this.source, 60);
	}

	private Lead lead(String lastName, User owner, String createdAt) {
		Lead lead = this.leads.create(this.adminViewer, new LeadDetails("Sam", lastName, "Speedy Ltd", null, null, null,
				null, this.source, null, null, owner.id(), null));
		this.jdbc.sql("update leads set created_at = :at where id = :id")
			.param("at", Instant.parse(createdAt).atOffset(ZoneOffset.UTC))
			.param("id", lead.id())
			.update();
		return lead;
	}

	private void set(Lead lead, String column, String at) {
		this.jdbc.sql("update leads set " + column + " = :at where id = :id")
			.param("at", Instant.parse(at).atOffset(ZoneOffset.UTC))
			.param("id", lead.id())
			.update();
	}

	/**
	 * Published as the activities module does: in the transaction that logged the work.
	 */
	private void publish(RecordTouched event) {
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(event));
	}

	/**
	 * The test's own count of business minutes: minute by minute, Monday to Friday 09:00
	 * to 17:00 UTC.
	 */
	static long businessMinutes(Instant from, Instant to) {
		long minutes = 0;
		for (Instant m = from; m.isBefore(to); m = m.plus(1, ChronoUnit.MINUTES)) {
			ZonedDateTime t = m.atZone(ZoneOffset.UTC);
			boolean weekday = t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY;
			if (weekday && t.getHour() >= 9 && t.getHour() < 17) {
				minutes++;
			}
		}
		return minutes;
	}

	@Test
	void theFirstActivityIsSetOnceAndTouchesTheLead() {
		User owner = this.users.create(Role.REP);
		User caller = this.users.create(Role.REP);
		Lead lead = this.leads.create(this.adminViewer, new LeadDetails(null, "Touched", null, null, null, null, null,
				this.source, null, null, owner.id(), null));
		Instant call = this.clock.instant().plusSeconds(30).truncatedTo(ChronoUnit.MICROS);

		publish(new RecordTouched(Leads.RECORD_TYPE, lead.id(), caller.id(), call));

		await().untilAsserted(
				() -> assertThat(this.leads.get(this.adminViewer, lead.id()).firstActivityAt()).isEqualTo(call));
		Lead touched = this.leads.get(this.adminViewer, lead.id());
		assertThat(touched.lastTouchedAt()).isEqualTo(call);
		assertThat(touched.lastTouchedBy()).isEqualTo(caller.id());
		assertThat(touched.version()).as("logging a call leaves open edit forms current").isEqualTo(lead.version());
		assertThat(this.jdbc.sql("select first_activity_by from leads where id = :id")
			.param("id", lead.id())
			.query(UUID.class)
			.single()).isEqualTo(caller.id());

		Instant later = call.plusSeconds(600);
		publish(new RecordTouched(Leads.RECORD_TYPE, lead.id(), owner.id(), later));

		await().untilAsserted(
				() -> assertThat(this.leads.get(this.adminViewer, lead.id()).lastTouchedAt()).isEqualTo(later));
		assertThat(this.leads.get(this.adminViewer, lead.id()).firstActivityAt()).as("never moved").isEqualTo(call);
	}

	@Test
	void anActivityDatedBeforeTheLeadCountsFromItsCreation() {
		User owner = this.users.create(Role.REP);
		Lead lead = this.leads.create(this.adminViewer, new LeadDetails(null, "Backdated", null, null, null, null, null,
				this.source, null, null, owner.id(), null));

		publish(new RecordTouched(Leads.RECORD_TYPE, lead.id(), owner.id(), lead.createdAt().minusSeconds(3600)));

		await().untilAsserted(() -> assertThat(this.leads.get(this.adminViewer, lead.id()).firstActivityAt())
			.isEqualTo(lead.createdAt()));
	}

	@Test
	void theBreachJobAlertsTheOwnerAndTheirManagerOnceAndNeverForClosedLeads() {
		User manager = this.users.create(Role.MANAGER);
		User owner = this.users.create(Role.REP, manager.id());
		// created Friday 12 June 16:30: the hour target runs to Monday 09:30
		Lead waiting = lead("Waiting", owner, "2026-06-12T16:30:00Z");
		Lead disqualified = lead("Disqualified", owner, "2026-06-12T16:30:00Z");
		this.leads.changeStatus(this.adminViewer, disqualified.id(), disqualified.version(), LeadStatus.DISQUALIFIED,
				"No budget");
		Lead deleted = lead("Deleted", owner, "2026-06-12T16:30:00Z");
		this.leads.delete(this.adminViewer, deleted.id());
		Lead answered = lead("Answered", owner, "2026-06-12T16:30:00Z");
		set(answered, "first_activity_at", "2026-06-15T09:10:00Z");
		Lead young = lead("Young", owner, "2026-06-15T09:45:00Z");
		Instant now = Instant.parse("2026-06-15T10:00:00Z");
		List<UUID> mine = List.of(waiting.id(), disqualified.id(), deleted.id(), answered.id(), young.id());

		List<SpeedToLeadAlerts.Recorded> first = this.alerts.run(now)
			.stream()
			.filter(r -> mine.contains(r.leadId()))
			.toList();
		List<SpeedToLeadAlerts.Recorded> second = this.alerts.run(now.plusSeconds(300))
			.stream()
			.filter(r -> mine.contains(r.leadId()))
			.toList();

		assertThat(first).containsExactly(new SpeedToLeadAlerts.Recorded(waiting.id(),
				Instant.parse("2026-06-15T09:30:00Z"), owner.id(), manager.id()));
		assertThat(second).as("one alert per breach").isEmpty();
		assertThat(alertsTo(owner)).singleElement().satisfies(n -> {
			assertThat(n.link()).isEqualTo("/leads/" + waiting.id());
			assertThat(n.title()).contains("Sam Waiting");
		});
		assertThat(alertsTo(manager)).singleElement()
			.satisfies(n -> assertThat(n.title()).contains(owner.fullName() + "'s lead"));
		assertThat(this.jdbc.sql("select count(*) from lead_response_breaches where lead_id in (:ids)")
			.param("ids", mine)
			.query(Long.class)
			.single()).isEqualTo(1);
		// the breach shows on the lead page's line and in the manager's breach list
		assertThat(this.speedToLead.responseOf(this.leads.get(this.adminViewer, waiting.id())).summary())
			.endsWith("target 1 h — breached");
		assertThat(this.speedToLead.breaches(TestUsers.viewer(manager), 100)).extracting(SpeedToLead.Breach::leadId)
			.contains(waiting.id())
			.doesNotContain(disqualified.id(), deleted.id(), answered.id());
	}

	@Test
	void aBreachLongPastIsRecordedWithoutAlerting() {
		User owner = this.users.create(Role.REP);
		Lead old = lead("Old", owner, "2026-05-04T10:00:00Z");

		List<SpeedToLeadAlerts.Recorded> recorded = this.alerts.run(Instant.parse("2026-06-15T10:00:00Z"))
			.stream()
			.filter(r -> r.leadId().equals(old.id()))
			.toList();

		assertThat(recorded).containsExactly(
				new SpeedToLeadAlerts.Recorded(old.id(), Instant.parse("2026-05-04T11:00:00Z"), null, null));
		assertThat(alertsTo(owner)).isEmpty();
	}

	private List<Notification> alertsTo(User user) {
		return this.notifications.of(user.id(), PageRequest.of(0, 50))
			.stream()
			.filter(n -> n.kind().equals(SpeedToLeadAlerts.KIND))
			.toList();
	}

	@Test
	void theFiguresAgreeWithTheTestsOwnCount() {
		User owner = this.users.create(Role.REP);
		Lead quick = lead("Quick", owner, "2026-05-04T09:00:00Z");
		set(quick, "first_activity_at", "2026-05-04T09:42:00Z");
		Lead overnight = lead("Overnight", owner, "2026-05-04T16:30:00Z");
		set(overnight, "accepted_at", "2026-05-05T09:45:00Z");
		Lead both = lead("Both", owner, "2026-05-05T10:00:00Z");
		set(both, "first_activity_at", "2026-05-05T10:20:00Z");
		set(both, "accepted_at", "2026-05-05T10:10:00Z");
		Lead ignored = lead("Ignored", owner, "2026-05-08T16:00:00Z");
		Lead spam = lead("Spam", owner, "2026-05-06T12:00:00Z");
		this.leads.changeStatus(this.adminViewer, spam.id(), spam.version(), LeadStatus.DISQUALIFIED, "No budget");
		Lead outside = lead("Outside", owner, "2026-05-11T10:00:00Z");

		SpeedToLead.Summary summary = this.speedToLead.summary(this.adminViewer, LocalDate.of(2026, 5, 4),
				LocalDate.of(2026, 5, 8));

		// the test's own computation: response = the earlier of first activity and
		// acceptance; in time when within 60 business minutes
		Map<String, String[]> facts = Map.of("Quick", new String[] { "2026-05-04T09:00:00Z", "2026-05-04T09:42:00Z" },
				"Overnight", new String[] { "2026-05-04T16:30:00Z", "2026-05-05T09:45:00Z" }, "Both",
				new String[] { "2026-05-05T10:00:00Z", "2026-05-05T10:10:00Z" });
		List<Long> minutes = new ArrayList<>();
		long inTime = 0;
		for (String[] times : facts.values()) {
			long m = businessMinutes(Instant.parse(times[0]), Instant.parse(times[1]));
			minutes.add(m);
			inTime += (m <= 60) ? 1 : 0;
		}
		minutes.sort(null);
		long measured = facts.size() + 1; // the three responded to, and "Ignored", an
											// open breach
		assertThat(minutes).containsExactly(10L, 42L, 75L);
		SpeedToLead.Figures row = summary.bySource()
			.stream()
			.filter(f -> f.label().equals(this.source))
			.findFirst()
			.orElseThrow();
		assertThat(row.leads()).isEqualTo(5);
		assertThat(row.responded()).isEqualTo(facts.size());
		assertThat(row.measured()).isEqualTo(measured);
		assertThat(row.withinTarget()).isEqualTo(inTime).isEqualTo(2);
		assertThat(row.withinTargetPercent()).isEqualTo(Math.round(1000.0 * inTime / measured) / 10.0).isEqualTo(50.0);
		assertThat(row.medianMinutes()).isEqualTo(minutes.get(1));
		assertThat(row.p90Minutes()).isEqualTo(minutes.get(2));
		assertThat(row.openBreaches()).isEqualTo(1);
		assertThat(summary.byOwner()).filteredOn(f -> f.label().equals(owner.fullName()))
			.singleElement()
			.satisfies(f -> assertThat(f.leads()).isEqualTo(5));
		assertThat(this.speedToLead.responseOf(this.leads.get(this.adminViewer, overnight.id())).summary())
			.isEqualTo("Responded in 75 business minutes (target 1 h, late)");
		LeadResponse quickResponse = this.speedToLead.responseOf(this.leads.get(this.adminViewer, quick.id()));
		assertThat(quickResponse.summary()).isEqualTo("Responded in 42 business minutes (target 1 h)");
		assertThat(quickResponse.wallToFirstActivity()).isEqualTo(Duration.ofMinutes(42));
		assertThat(quickResponse.businessToAcceptance()).isNull();
		LeadResponse overnightResponse = this.speedToLead.responseOf(this.leads.get(this.adminViewer, overnight.id()));
		assertThat(overnightResponse.wallToResponse()).isEqualTo(Duration.ofMinutes(17 * 60 + 15));
		assertThat(overnightResponse.deadline()).isEqualTo(Instant.parse("2026-05-05T09:30:00Z"));
		assertThat(outside.id()).isNotNull();
		// a rep who owns none of them sees none of them
		assertThat(this.speedToLead
			.summary(TestUsers.viewer(this.users.create(Role.REP)), LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 8))
			.bySource()).extracting(SpeedToLead.Figures::label).doesNotContain(this.source);
	}

	@Test
	void percentilesAreByNearestRank() {
		assertThat(SpeedToLead.percentile(List.of(), 50)).isNull();
		assertThat(SpeedToLead.percentile(List.of(7L), 90)).isEqualTo(7);
		assertThat(SpeedToLead.percentile(List.of(1L, 2L, 3L, 4L), 50)).isEqualTo(2);
		assertThat(SpeedToLead.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), 90)).isEqualTo(10);
	}

	@Test
	void targetsAreForTheirEditorsAndWithinBounds() {
		Viewer rep = TestUsers.viewer(this.users.create(Role.REP));

		assertThatThrownBy(() -> this.targets.set(rep, this.source, 30)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.targets.set(this.adminViewer, "Carrier pigeon", 0)).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.fieldErrors()).containsKeys("source", "minutes"));
		this.targets.set(this.adminViewer, this.source.toUpperCase(), 90);
		assertThat(this.targets.current().of(this.source)).contains(Duration.ofMinutes(90));
		this.targets.remove(this.adminViewer, this.source);
		assertThat(this.targets.current().of(this.source)).isEqualTo(this.targets.current().of(null));
	}

	@Test
	void thePageAndTheApi() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		User rep = this.users.create(Role.REP);
		Lead listed = lead("Listed", rep, "2026-05-04T09:00:00Z");
		org.springframework.test.web.servlet.request.RequestPostProcessor marketingSession = TestUsers.signIn(this.mvc,
				marketing);
		org.springframework.test.web.servlet.request.RequestPostProcessor repSession = TestUsers.signIn(this.mvc, rep);
		org.springframework.test.web.servlet.request.RequestPostProcessor adminSession = TestUsers.signIn(this.mvc,
				this.admin);

		this.mvc
			.perform(get("/leads/speed").param("from", "2026-05-04")
				.param("to", "2026-05-08")
				.with(marketingSession)
				.accept("text/html"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(this.source)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("speed-chart")));
		this.mvc.perform(get("/leads/speed").with(repSession).accept("text/html")).andExpect(status().isForbidden());
		this.mvc.perform(get("/leads/" + listed.id()).with(marketingSession).accept("text/html"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("target 1 h — breached")));
		this.mvc.perform(get("/leads").with(marketingSession).accept("text/html"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"speed-to-lead\"")));
		this.mvc.perform(get("/leads/speed/targets").with(marketingSession).accept("text/html"))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/leads/speed").param("from", "2026-05-04")
				.param("to", "2026-05-08")
				.with(TestUsers.basic(marketing)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2026-05-04"))
			.andExpect(jsonPath("$.bySource[?(@.label == '" + this.source + "')].leads").value(1));
		this.mvc
			.perform(get("/api/v1/leads/speed").param("from", "2026-05-08")
				.param("to", "2026-05-04")
				.with(TestUsers.basic(marketing)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/admin/business-calendar").with(adminSession).accept("text/html"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/admin/business-calendar").with(marketingSession).accept("text/html"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCalendarIsSavedAndReadBack() {
		BusinessCalendars.Stored before = this.calendars.get(BusinessCalendars.COMPANY);
		Map<DayOfWeek, String> hours = new java.util.EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			hours.put(day, before.hoursText(day));
		}
		try {
			Map<DayOfWeek, String> split = new java.util.EnumMap<>(hours);
			split.put(DayOfWeek.SATURDAY, "10:00-12:00, 13:00-14:00");
			assertThatThrownBy(() -> this.calendars.update(this.admin.id(), BusinessCalendars.COMPANY, before.version(),
					"Mars/Olympus", Map.of(DayOfWeek.MONDAY, "17:00-09:00")))
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.fieldErrors()).containsKeys("timeZone", "hours.MONDAY"));
			BusinessCalendars.Stored saved = this.calendars.update(this.admin.id(), BusinessCalendars.COMPANY,
					before.version(), "Europe/London", split);
			assertThat(saved.calendar().zone().getId()).isEqualTo("Europe/London");
			assertThat(saved.hoursText(DayOfWeek.SATURDAY)).isEqualTo("10:00-12:00, 13:00-14:00");
			this.calendars.addHoliday(this.admin.id(), BusinessCalendars.COMPANY, LocalDate.of(2026, 12, 25),
					"Christmas Day", true);
			assertThat(this.calendars.company().isHoliday(LocalDate.of(2027, 12, 25))).isTrue();
		}
		finally {
			this.calendars.removeHoliday(this.admin.id(), BusinessCalendars.COMPANY, LocalDate.of(2026, 12, 25));
			BusinessCalendars.Stored now = this.calendars.get(BusinessCalendars.COMPANY);
			this.calendars.update(this.admin.id(), BusinessCalendars.COMPANY, now.version(),
					before.companyZone() ? "" : before.calendar().zone().getId(), hours);
		}
	}

}
