package dev.bellwether.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.businesstime.BusinessCalendars;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;
import static dev.bellwether.platform.Text.blankToNull;

/**
 * Time spent on cases: entered by hand (a day, minutes, a note) or measured by a timer.
 * Whoever may change a case logs time on it; each person changes and removes only their
 * own entries, against the version they read. Each person has one timer at most: starting
 * one on another case stops the first (which becomes an entry), and stopping it logs the
 * minutes elapsed, rounded to the nearest minute (at least one, at most a day). Time is
 * costed at the rate of the role the person had when logging it
 * ({@link ServiceCostRates}); every change is published as a change of the case's time
 * logged, so it shows in the case's history and counts as service use.
 */
@Service
@Transactional(readOnly = true)
public class CaseTime {

	public static final String RECORD_TYPE = "time entry";

	/** The fewest minutes one entry holds. */
	public static final int MIN_MINUTES = 1;

	/** The most minutes one entry holds: a whole day. */
	public static final int MAX_MINUTES = 1440;

	private final JdbcClient jdbc;

	private final Cases cases;

	private final InputValidation validation;

	private final BusinessCalendars calendars;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseTime(JdbcClient jdbc, Cases cases, InputValidation validation, BusinessCalendars calendars,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.validation = validation;
		this.calendars = calendars;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The case's time entries, latest day first, running timers included.
	 * @throws RecordNotFoundException when the viewer may not see the case
	 */
	public List<CaseTimeEntry> list(Viewer viewer, UUID caseId) {
		this.cases.get(viewer, caseId);
		return this.jdbc
			.sql("select * from case_time_entries where case_id = :caseId"
					+ " order by entry_date desc, created_at desc, id desc")
			.param("caseId", caseId)
			.query(CaseTime::map)
			.list();
	}

	/** The viewer's running timer, on whichever case. */
	public Optional<CaseTimeEntry> runningTimer(Viewer viewer) {
		return this.jdbc.sql("select * from case_time_entries where user_id = :userId and minutes is null")
			.param("userId", viewer.id())
			.query(CaseTime::map)
			.optional();
	}

	/** Today in the company's time zone: no time is logged after it. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
	}

	/**
	 * Logs time entered by hand.
	 * @throws InvalidInputException naming each wrong field (a missing or future day,
	 * minutes outside 1 to 1,440, a note too long)
	 * @throws ForbiddenException when the viewer may read but not change the case
	 */
	@Transactional
	public CaseTimeEntry log(Viewer viewer, UUID caseId, TimeEntryDetails details) {
		SupportCase supportCase = editable(viewer, caseId);
		check(details);
		long before = minutesOf(caseId);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into case_time_entries (id, case_id, user_id, role, entry_date, minutes, note, source,
				  created_at, created_by, updated_at, updated_by, version)
				values (:id, :caseId, :userId, :role, :date, :minutes, :note, 'MANUAL', :now, :userId, :now, :userId, 0)
				""")
			.param("id", id)
			.param("caseId", supportCase.id())
			.param("userId", viewer.id())
			.param("role", viewer.role().name())
			.param("date", details.date())
			.param("minutes", details.minutes())
			.param("note", blankToNull(details.note()))
			.param("now", utc(now))
			.update();
		publish(viewer, caseId, before, now);
		return entry(id);
	}

	/**
	 * Changes one of the viewer's own entries.
	 * @throws StaleRecordException when it changed since {@code expectedVersion}
	 * @throws ForbiddenException for someone else's entry, or a case the viewer may not
	 * change
	 * @throws InvalidInputException for a running timer (stop it first) and wrong fields
	 */
	@Transactional
	public CaseTimeEntry update(Viewer viewer, UUID caseId, UUID entryId, long expectedVersion,
			TimeEntryDetails details) {
		CaseTimeEntry entry = ownEntry(viewer, caseId, entryId);
		if (entry.running()) {
			throw new InvalidInputException("minutes", "The timer is still running: stop it before changing it.");
		}
		check(details);
		long before = minutesOf(caseId);
		Instant now = this.clock.instant();
		int updated = this.jdbc.sql("""
				update case_time_entries set entry_date = :date, minutes = :minutes, note = :note,
				  updated_at = :now, updated_by = :userId, version = version + 1
				where id = :id and version = :version
				""")
			.param("date", details.date())
			.param("minutes", details.minutes())
			.param("note", blankToNull(details.note()))
			.param("now", utc(now))
			.param("userId", viewer.id())
			.param("id", entryId)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleRecordException(RECORD_TYPE, entryId, expectedVersion);
		}
		publish(viewer, caseId, before, now);
		return entry(entryId);
	}

	/**
	 * Removes one of the viewer's own entries (a running timer too: it is discarded).
	 * @see #update
	 */
	@Transactional
	public void delete(Viewer viewer, UUID caseId, UUID entryId, long expectedVersion) {
		ownEntry(viewer, caseId, entryId);
		long before = minutesOf(caseId);
		int deleted = this.jdbc.sql("delete from case_time_entries where id = :id and version = :version")
			.param("id", entryId)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new StaleRecordException(RECORD_TYPE, entryId, expectedVersion);
		}
		publish(viewer, caseId, before, this.clock.instant());
	}

	/**
	 * Starts the viewer's timer on the case. A timer of theirs already running here goes
	 * on; one running on another case is stopped first (and logged there).
	 * @return the running timer
	 */
	@Transactional
	public CaseTimeEntry start(Viewer viewer, UUID caseId) {
		SupportCase supportCase = editable(viewer, caseId);
		Optional<CaseTimeEntry> running = runningTimer(viewer);
		if (running.isPresent()) {
			if (running.get().caseId().equals(caseId)) {
				return running.get();
			}
			stopTimer(viewer, running.get());
		}
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					insert into case_time_entries (id, case_id, user_id, role, entry_date, minutes, note, source, started_at,
					  created_at, created_by, updated_at, updated_by, version)
					values (:id, :caseId, :userId, :role, :date, null, null, 'TIMER', :now, :now, :userId, :now, :userId, 0)
					""")
			.param("id", id)
			.param("caseId", supportCase.id())
			.param("userId", viewer.id())
			.param("role", viewer.role().name())
			.param("date", today())
			.param("now", utc(now))
			.update();
		return entry(id);
	}

	/**
	 * Stops the viewer's timer on the case and logs its minutes.
	 * @return the entry logged
	 * @throws InvalidInputException naming {@code timer} when no timer of theirs runs on
	 * this case
	 */
	@Transactional
	public CaseTimeEntry stop(Viewer viewer, UUID caseId) {
		this.cases.get(viewer, caseId);
		CaseTimeEntry running = runningTimer(viewer).filter(timer -> timer.caseId().equals(caseId))
			.orElseThrow(() -> new InvalidInputException("timer", "You have no timer running on this case."));
		return stopTimer(viewer, running);
	}

	/** The whole minutes a running timer has run so far (what the case page shows). */
	public long minutesRunning(CaseTimeEntry timer) {
		return timer.startedAt() == null ? 0
				: Math.max(0, Duration.between(timer.startedAt(), this.clock.instant()).toMinutes());
	}

	/**
	 * The minutes a timer started at {@code startedAt} has run by {@code now}: rounded to
	 * the nearest minute, at least one, at most a day.
	 */
	static int elapsedMinutes(Instant startedAt, Instant now) {
		long seconds = Math.max(0, Duration.between(startedAt, now).toSeconds());
		long minutes = (seconds + 30) / 60;
		return (int) Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, minutes));
	}

	private CaseTimeEntry stopTimer(Viewer viewer, CaseTimeEntry running) {
		long before = minutesOf(running.caseId());
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update case_time_entries set minutes = :minutes, updated_at = :now, updated_by = :userId,
				  version = version + 1
				where id = :id and minutes is null
				""")
			.param("minutes", elapsedMinutes(running.startedAt(), now))
			.param("now", utc(now))
			.param("userId", viewer.id())
			.param("id", running.id())
			.update();
		publish(viewer, running.caseId(), before, now);
		return entry(running.id());
	}

	private SupportCase editable(Viewer viewer, UUID caseId) {
		SupportCase supportCase = this.cases.get(viewer, caseId);
		if (!this.cases.canEdit(viewer, supportCase)) {
			throw new ForbiddenException("You can't log time or expenses on case " + supportCase.reference()
					+ ": only its owner, the owner's managers, service users and administrators can.");
		}
		return supportCase;
	}

	private CaseTimeEntry ownEntry(Viewer viewer, UUID caseId, UUID entryId) {
		editable(viewer, caseId);
		CaseTimeEntry entry = this.jdbc.sql("select * from case_time_entries where id = :id and case_id = :caseId")
			.param("id", entryId)
			.param("caseId", caseId)
			.query(CaseTime::map)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, entryId));
		if (!entry.userId().equals(viewer.id())) {
			throw new ForbiddenException("Only the person who logged this time changes or removes it.");
		}
		return entry;
	}

	private void check(TimeEntryDetails details) {
		Map<String, String> errors = this.validation.violations(details);
		if (details.date() != null && !errors.containsKey("date") && details.date().isAfter(today())) {
			errors.put("date", "The day can't be in the future: log time once it is spent.");
		}
		InputValidation.throwIfAny(errors);
	}

	private long minutesOf(UUID caseId) {
		return this.jdbc.sql("select coalesce(sum(minutes), 0) from case_time_entries where case_id = :caseId")
			.param("caseId", caseId)
			.query(Long.class)
			.single();
	}

	private void publish(Viewer viewer, UUID caseId, long before, Instant now) {
		List<FieldChange> changes = new FieldChange.Diff().compare("minutesLogged", before, minutesOf(caseId))
			.changes();
		if (!changes.isEmpty()) {
			this.events.publishEvent(
					new RecordChanged(Cases.RECORD_TYPE, caseId, ChangeKind.UPDATED, viewer.id(), now, changes));
		}
	}

	private CaseTimeEntry entry(UUID id) {
		return this.jdbc.sql("select * from case_time_entries where id = :id")
			.param("id", id)
			.query(CaseTime::map)
			.single();
	}

	static CaseTimeEntry map(ResultSet rs, int row) throws SQLException {
		return new CaseTimeEntry(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("user_id", UUID.class), Role.valueOf(rs.getString("role")),
				rs.getObject("entry_date", LocalDate.class), rs.getObject("minutes", Integer.class),
				rs.getString("note"), TimeSource.valueOf(rs.getString("source")), instant(rs, "started_at"),
				instant(rs, "created_at"), rs.getLong("version"));
	}

}
