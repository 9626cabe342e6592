package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Time and expenses on a case: the timer's rules (one per person, starting another stops
 * the first, the minutes it logs), entries changed and removed by their own author
 * against their version, the bad input each refused with the field named, and who may
 * read and log on a case.
 */
@IntegrationTest
class CaseTimeTests {

	@Autowired
	CaseTime time;

	@Autowired
	CaseExpenses expenses;

	@Autowired
	Cases cases;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void oneTimerPerPersonStartingAnotherStopsTheFirstAndStoppingLogsTheMinutes() {
		User agent = this.users.create(Role.SERVICE);
		Viewer viewer = TestUsers.viewer(agent);
		SupportCase first = open(agent);
		SupportCase second = open(agent);

		CaseTimeEntry running = this.time.start(viewer, first.id());
		assertThat(running.running()).isTrue();
		assertThat(running.source()).isEqualTo(TimeSource.TIMER);
		assertThat(running.date()).isEqualTo(this.time.today());
		assertThat(this.time.start(viewer, first.id()).id()).as("starting it again goes on").isEqualTo(running.id());
		startedAgo(running.id(), Duration.ofMinutes(25));

		CaseTimeEntry onSecond = this.time.start(viewer, second.id());
		assertThat(this.time.runningTimer(viewer).orElseThrow().id()).isEqualTo(onSecond.id());
		CaseTimeEntry stoppedFirst = this.time.list(viewer, first.id()).get(0);
		assertThat(stoppedFirst.id()).isEqualTo(running.id());
		assertThat(stoppedFirst.running()).isFalse();
		assertThat(stoppedFirst.minutes()).isEqualTo(25);

		startedAgo(onSecond.id(), Duration.ofMinutes(90));
		CaseTimeEntry stopped = this.time.stop(viewer, second.id());
		assertThat(stopped.minutes()).isEqualTo(90);
		assertThat(this.time.runningTimer(viewer)).isEmpty();
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.time.stop(viewer, second.id()))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("timer"));

		// another person's timer runs beside this one
		User colleague = this.users.create(Role.SERVICE);
		this.time.start(TestUsers.viewer(colleague), second.id());
		this.time.start(viewer, second.id());
		assertThat(this.time.list(viewer, second.id()).stream().filter(CaseTimeEntry::running)).hasSize(2);
	}

	@Test
	void aTimerLogsTheNearestMinuteAtLeastOneAtMostADay() {
		Instant start = Instant.parse("2026-06-17T10:00:00Z");
		assertThat(CaseTime.elapsedMinutes(start, start)).isEqualTo(1);
		assertThat(CaseTime.elapsedMinutes(start, start.plusSeconds(29))).isEqualTo(1);
		assertThat(CaseTime.elapsedMinutes(start, start.plusSeconds(89))).isEqualTo(1);
		assertThat(CaseTime.elapsedMinutes(start, start.plusSeconds(90))).isEqualTo(2);
		assertThat(CaseTime.elapsedMinutes(start, start.plus(Duration.ofHours(25)))).isEqualTo(1440);
	}

	@Test
	void badInputIsRefusedWithTheFieldNamed() {
		User agent = this.users.create(Role.SERVICE);
		Viewer viewer = TestUsers.viewer(agent);
		SupportCase c = open(agent);
		LocalDate today = this.time.today();

		assertField("minutes", () -> this.time.log(viewer, c.id(), new TimeEntryDetails(today, 0, null)));
		assertField("minutes", () -> this.time.log(viewer, c.id(), new TimeEntryDetails(today, 1441, null)));
		assertField("minutes", () -> this.time.log(viewer, c.id(), new TimeEntryDetails(today, null, null)));
		assertField("date", () -> this.time.log(viewer, c.id(), new TimeEntryDetails(today.plusDays(1), 30, null)));
		assertField("date", () -> this.time.log(viewer, c.id(), new TimeEntryDetails(null, 30, null)));
		assertField("note", () -> this.time.log(viewer, c.id(), new TimeEntryDetails(today, 30, "x".repeat(1001))));
		assertThat(this.time.log(viewer, c.id(), new TimeEntryDetails(today, 1440, null)).minutes()).isEqualTo(1440);
		assertThat(this.time.log(viewer, c.id(), new TimeEntryDetails(today, 1, null)).minutes()).isEqualTo(1);

		assertField("amount", () -> this.expenses.add(viewer, c.id(),
				new ExpenseDetails(today, BigDecimal.ZERO, "Taxi", ExpenseCategory.TRAVEL)));
		assertField("amount", () -> this.expenses.add(viewer, c.id(),
				new ExpenseDetails(today, new BigDecimal("1.234"), "Taxi", ExpenseCategory.TRAVEL)));
		assertField("description", () -> this.expenses.add(viewer, c.id(),
				new ExpenseDetails(today, BigDecimal.TEN, " ", ExpenseCategory.TRAVEL)));
		assertField("category",
				() -> this.expenses.add(viewer, c.id(), new ExpenseDetails(today, BigDecimal.TEN, "Taxi", null)));
		assertField("date", () -> this.expenses.add(viewer, c.id(),
				new ExpenseDetails(today.plusDays(1), BigDecimal.TEN, "Taxi", ExpenseCategory.TRAVEL)));
		CaseExpense taxi = this.expenses.add(viewer, c.id(),
				new ExpenseDetails(today, new BigDecimal("12.30"), " Taxi ", ExpenseCategory.TRAVEL));
		assertThat(taxi.description()).isEqualTo("Taxi");
		assertThat(taxi.currency()).isEqualTo(this.expenses.currency());
	}

	@Test
	void entriesAreChangedAndRemovedByTheirAuthorAgainstTheirVersion() {
		User agent = this.users.create(Role.SERVICE);
		Viewer viewer = TestUsers.viewer(agent);
		SupportCase c = open(agent);
		LocalDate yesterday = this.time.today().minusDays(1);
		CaseTimeEntry entry = this.time.log(viewer, c.id(), new TimeEntryDetails(yesterday, 30, "Call"));
		assertThat(entry.role()).isEqualTo(Role.SERVICE);
		assertThat(entry.source()).isEqualTo(TimeSource.MANUAL);

		CaseTimeEntry changed = this.time.update(viewer, c.id(), entry.id(), entry.version(),
				new TimeEntryDetails(yesterday, 45, "Call and follow-up"));
		assertThat(changed.minutes()).isEqualTo(45);
		assertThat(changed.version()).isEqualTo(entry.version() + 1);
		assertThatExceptionOfType(StaleRecordException.class).isThrownBy(() -> this.time.update(viewer, c.id(),
				entry.id(), entry.version(), new TimeEntryDetails(yesterday, 50, null)));

		Viewer colleague = TestUsers.viewer(this.users.create(Role.SERVICE));
		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> this.time.update(colleague, c.id(),
				entry.id(), changed.version(), new TimeEntryDetails(yesterday, 50, null)));
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.time.delete(colleague, c.id(), entry.id(), changed.version()));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.time.delete(viewer, open(agent).id(), entry.id(), changed.version()));

		CaseTimeEntry timer = this.time.start(viewer, c.id());
		assertField("minutes", () -> this.time.update(viewer, c.id(), timer.id(), timer.version(),
				new TimeEntryDetails(yesterday, 5, null)));
		this.time.delete(viewer, c.id(), timer.id(), timer.version());
		assertThat(this.time.runningTimer(viewer)).isEmpty();

		assertThatExceptionOfType(StaleRecordException.class)
			.isThrownBy(() -> this.time.delete(viewer, c.id(), entry.id(), entry.version()));
		this.time.delete(viewer, c.id(), entry.id(), changed.version());
		assertThat(this.time.list(viewer, c.id())).isEmpty();
	}

	@Test
	void onlyThoseWhoMayChangeTheCaseLogOnItAndOthersAreToldItDoesNotExist() {
		User agent = this.users.create(Role.SERVICE);
		User rep = this.users.create(Role.REP);
		Account account = this.customers.account(rep, "Served " + TestCustomers.tag(), null);
		SupportCase c = this.cases.open(TestUsers.viewer(agent), new CaseDetails("Cost " + TestCustomers.tag(), null,
				account.id(), null, null, null, null, agent.id(), null, null, null));
		TimeEntryDetails half = new TimeEntryDetails(this.time.today(), 30, null);
		ExpenseDetails taxi = new ExpenseDetails(this.time.today(), BigDecimal.TEN, "Taxi", ExpenseCategory.TRAVEL);

		// the account's sales owner reads the case, its time and cost, but logs nothing
		Viewer owner = TestUsers.viewer(rep);
		assertThat(this.time.list(owner, c.id())).isEmpty();
		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> this.time.log(owner, c.id(), half));
		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> this.time.start(owner, c.id()));
		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> this.expenses.add(owner, c.id(), taxi));

		// another rep: no such case
		Viewer stranger = TestUsers.viewer(this.users.create(Role.REP));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> this.time.list(stranger, c.id()));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.time.log(stranger, c.id(), half));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> this.expenses.list(stranger, c.id()));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.time.log(TestUsers.viewer(agent), UUID.randomUUID(), half));

		// another service user may change every case, so logs on it
		Viewer desk = TestUsers.viewer(this.users.create(Role.SERVICE));
		assertThat(this.time.log(desk, c.id(), half).userId()).isEqualTo(desk.id());
		assertThat(this.expenses.add(desk, c.id(), taxi).createdBy()).isEqualTo(desk.id());
	}

	private SupportCase open(User owner) {
		return this.cases.open(TestUsers.viewer(owner), new CaseDetails("Timed " + TestCustomers.tag(), null, null,
				null, null, null, null, owner.id(), null, null, null));
	}

	/** Moves a running timer's start back, as if it had run that long. */
	private void startedAgo(UUID entryId, Duration ago) {
		this.jdbc.sql("update case_time_entries set started_at = :at where id = :id")
			.param("at", this.clock.instant().minus(ago).atOffset(ZoneOffset.UTC))
			.param("id", entryId)
			.update();
	}

	private static void assertField(String field, Runnable action) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(action::run)
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey(field));
	}

}
