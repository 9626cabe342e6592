package dev.bellwether.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.businesstime.BusinessCalendars;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Finds the SLA targets that became due soon or went past due since the last run, in two
 * set-based statements over the stored instants (no business time is computed here:
 * {@link CaseSlas} stores the instants when a case changes), and acts on each once:
 * <ul>
 * <li>due soon: the case's owner is warned ({@link CaseSlaWarning});</li>
 * <li>past due: the manager of the case's queue is told ({@link CaseSlaBreached}).</li>
 * </ul>
 * The statement that marks a clock warned or escalated is the claim: a clock marked is
 * never picked again, even with two nodes sweeping at once. A target already past due is
 * escalated without a warning first. Breaches older than
 * {@code bellwether.service.sla-sweep.alert-within} (two days by default: the first run
 * after a long stop) are marked and recorded without notifications.
 * <p>
 * The work after the two statements is batched too, so that a run costs a handful of
 * statements however many targets it finds (an hour's catch-up finds thousands over a
 * large backlog): the cases, queues, active users and owners' names are read once for all
 * targets, and the notifications are stored in one statement
 * ({@link Notifications#sendAll}).
 */
@Service
public class SlaSweep {

	public static final String WARNING_KIND = "sla-warning";

	public static final String BREACH_KIND = "sla-breach";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseQueues queues;

	private final UserDirectory users;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	private final Duration alertWithin;

	SlaSweep(JdbcClient jdbc, Cases cases, CaseQueues queues, UserDirectory users, Notifications notifications,
			ApplicationEventPublisher events, BusinessCalendars calendars,
			@Value("${bellwether.service.sla-sweep.alert-within:P2D}") Duration alertWithin) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.queues = queues;
		this.users = users;
		this.notifications = notifications;
		this.events = events;
		this.zone = calendars.companyZone();
		this.alertWithin = alertWithin;
	}

	/**
	 * Warns and escalates as of {@code now}.
	 * @return what this run found
	 */
	@Transactional
	public Result run(Instant now) {
		List<Found> breached = this.jdbc.sql("""
				with breached as (
				  update case_sla_clocks c set escalated_at = :now, state = 'BREACHED', breached_at = c.due_at
				  where c.escalated_at is null and c.completed_at is null and c.due_at < :now
				  returning c.case_id, c.metric, c.due_at
				), history as (
				  insert into case_sla_events (id, case_id, kind, metric, occurred_at, recorded_at)
				  select gen_random_uuid(), case_id, 'BREACHED', metric, due_at, :now from breached
				  on conflict do nothing
				)
				select case_id, metric, due_at from breached order by due_at, case_id
				""").param("now", utc(now)).query(SlaSweep::found).list();
		List<Found> warned = this.jdbc.sql("""
				with warned as (
				  update case_sla_clocks c set warned_at = :now, state = 'WARNING'
				  where c.warned_at is null and c.completed_at is null and c.warn_at <= :now and c.due_at >= :now
				  returning c.case_id, c.metric, c.due_at, c.warn_at
				), history as (
				  insert into case_sla_events (id, case_id, kind, metric, occurred_at, recorded_at)
				  select gen_random_uuid(), case_id, 'WARNED', metric, warn_at, :now from warned
				  on conflict do nothing
				)
				select case_id, metric, due_at from warned order by due_at, case_id
				""").param("now", utc(now)).query(SlaSweep::found).list();
		People people = people(warned, breached, now);
		List<Notified> notified = new ArrayList<>();
		List<Notifications.Message> messages = new ArrayList<>();
		for (Found found : warned) {
			this.events.publishEvent(new CaseSlaWarning(found.caseId(), found.metric(), found.dueAt(), now));
			notified.add(warn(found, people, messages));
		}
		for (Found found : breached) {
			this.events.publishEvent(new CaseSlaBreached(found.caseId(), found.metric(), found.dueAt(), now));
			notified.add(stale(found, now) ? new Notified(found, null) : escalate(found, people, messages));
		}
		this.notifications.sendAll(messages);
		return new Result(warned, breached, notified);
	}

	private boolean stale(Found found, Instant now) {
		return Duration.between(found.dueAt(), now).compareTo(this.alertWithin) > 0;
	}

	/**
	 * What the run's notifications need, read once for all its targets (a few statements,
	 * however many targets: an hour's catch-up finds thousands at scale): the cases, the
	 * queues' managers, which users are active, and the owners' names.
	 */
	private People people(List<Found> warned, List<Found> breached, Instant now) {
		List<Found> breachedToTell = breached.stream().filter(found -> !stale(found, now)).toList();
		if (warned.isEmpty() && breachedToTell.isEmpty()) {
			return new People(Map.of(), Map.of(), Set.of(), Map.of());
		}
		Set<UUID> caseIds = new LinkedHashSet<>();
		warned.forEach(found -> caseIds.add(found.caseId()));
		breachedToTell.forEach(found -> caseIds.add(found.caseId()));
		Map<UUID, SupportCase> supportCases = this.cases.findAll(caseIds);
		Map<UUID, UUID> managers = new HashMap<>();
		if (!breachedToTell.isEmpty()) {
			this.queues.all()
				.stream()
				.filter(queue -> queue.managerId() != null)
				.forEach(queue -> managers.put(queue.id(), queue.managerId()));
		}
		Set<UUID> active = this.users.activeUsers().stream().map(User::id).collect(Collectors.toSet());
		Set<UUID> owners = new HashSet<>();
		for (Found found : breachedToTell) {
			SupportCase supportCase = supportCases.get(found.caseId());
			if (supportCase != null && supportCase.ownerId() != null) {
				owners.add(supportCase.ownerId());
			}
		}
		return new People(supportCases, managers, active, this.users.namesOf(owners));
	}

	private Notified warn(Found found, People people, List<Notifications.Message> messages) {
		SupportCase supportCase = people.cases().get(found.caseId());
		UUID owner = (supportCase != null) ? people.activeOrNull(supportCase.ownerId()) : null;
		if (owner != null) {
			messages.add(new Notifications.Message(owner, WARNING_KIND,
					title(supportCase) + ": " + found.metric().label().toLowerCase() + " due soon",
					"Due " + TIME.format(found.dueAt().atZone(this.zone)) + " (" + this.zone.getId() + ").",
					link(found.caseId())));
		}
		return new Notified(found, owner);
	}

	private Notified escalate(Found found, People people, List<Notifications.Message> messages) {
		SupportCase supportCase = people.cases().get(found.caseId());
		UUID manager = (supportCase != null && supportCase.queueId() != null)
				? people.activeOrNull(people.managers().get(supportCase.queueId())) : null;
		if (manager != null) {
			String ownerName = (supportCase.ownerId() != null) ? people.names().get(supportCase.ownerId()) : null;
			messages.add(new Notifications.Message(manager, BREACH_KIND,
					title(supportCase) + ": " + found.metric().label().toLowerCase() + " SLA breached",
					"It was due " + TIME.format(found.dueAt().atZone(this.zone)) + " (" + this.zone.getId() + ")"
							+ ((ownerName != null) ? "; owner " + ownerName : "; it has no owner") + ".",
					link(found.caseId())));
		}
		return new Notified(found, manager);
	}

	/**
	 * The run's cases by id, queue managers by queue, active users' ids and the owners'
	 * names (of active owners and deactivated ones alike, as a breach names the owner
	 * either way).
	 */
	private record People(Map<UUID, SupportCase> cases, Map<UUID, UUID> managers, Set<UUID> active,
			Map<UUID, String> names) {

		UUID activeOrNull(UUID userId) {
			return (userId != null && this.active.contains(userId)) ? userId : null;
		}

	}

	private static String title(SupportCase supportCase) {
		return "#" + supportCase.number() + " " + supportCase.subject();
	}

	private static String link(UUID caseId) {
		return "/cases/" + caseId;
	}

	private static Found found(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Found(rs.getObject("case_id", UUID.class), SlaMetric.valueOf(rs.getString("metric")),
				instant(rs, "due_at"));
	}

	/**
	 * A target the run found due soon or past due.
	 */
	public record Found(UUID caseId, SlaMetric metric, Instant dueAt) {
	}

	/**
	 * Whom a run told about a target ({@code null}: nobody — no owner, no queue manager,
	 * or too old).
	 */
	public record Notified(Found found, UUID userId) {
	}

	public record Result(List<Found> warned, List<Found> breached, List<Notified> notified) {
	}

}
