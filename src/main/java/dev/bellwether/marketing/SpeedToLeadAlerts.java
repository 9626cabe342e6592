package dev.bellwether.marketing;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.businesstime.BusinessCalendar;
import dev.bellwether.platform.businesstime.BusinessCalendars;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Finds leads past their speed-to-lead deadline that nobody has responded to (no activity
 * logged, not accepted) and that are still open (not disqualified, converted or deleted),
 * records each breach once (table {@code lead_response_breaches}, one row per lead) and
 * alerts the lead's owner and the owner's manager through the notification centre. A lead
 * closed before its deadline is never a candidate; a breach already recorded is never
 * alerted again, even when two nodes run at once (the row is the claim). Breaches whose
 * deadline passed longer ago than {@code bellwether.marketing.speed-to-lead.alert-within}
 * (default two days: the first run after the feature arrives, or after a long stop) are
 * recorded without alerts, so nobody receives hundreds of stale ones.
 */
@Service
public class SpeedToLeadAlerts {

	public static final String KIND = "speed-to-lead-breach";

	/** Leads looked at per run, oldest first; the rest on the next run. */
	static final int BATCH = 5000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

	private final JdbcClient jdbc;

	private final BusinessCalendars calendars;

	private final LeadResponseTargets targets;

	private final UserDirectory users;

	private final Notifications notifications;

	private final Duration alertWithin;

	SpeedToLeadAlerts(JdbcClient jdbc, BusinessCalendars calendars, LeadResponseTargets targets, UserDirectory users,
			Notifications notifications,
			@Value("${bellwether.marketing.speed-to-lead.alert-within:P2D}") Duration alertWithin) {
		this.jdbc = jdbc;
		this.calendars = calendars;
		this.targets = targets;
		this.users = users;
		this.notifications = notifications;
		this.alertWithin = alertWithin;
	}

	/**
	 * Records and alerts the breaches as of {@code now}.
	 * @return the breaches recorded by this run
	 */
	@Transactional
	public List<Recorded> run(Instant now) {
		LeadResponseTargets.Targets current = this.targets.current();
		BusinessCalendar calendar = this.calendars.company();
		Optional<Duration> shortest = current.bySource().values().stream().min(Duration::compareTo);
		if (shortest.isEmpty() || !calendar.works()) {
			return List.of();
		}
		// business time never runs faster than the wall clock: a lead younger than the
		// shortest target cannot be late yet
		List<SpeedToLead.Facts> candidates = this.jdbc.sql(SpeedToLead.COLUMNS + "where " + SpeedToLead.UNRESPONDED_OPEN
				+ " and l.created_at <= :latest and not exists "
				+ "(select 1 from lead_response_breaches b where b.lead_id = l.id) order by l.created_at, l.id limit :batch")
			.param("latest", utc(now.minus(shortest.get())))
			.param("batch", BATCH)
			.query(SpeedToLead::facts)
			.list();
		return candidates.stream()
			.map(facts -> facts.response(calendar, current, now))
			.filter(response -> response.state() == LeadResponse.State.BREACHED)
			.map(response -> record(response, candidates, calendar, now))
			.flatMap(Optional::stream)
			.toList();
	}

	private Optional<Recorded> record(LeadResponse response, List<SpeedToLead.Facts> candidates,
			BusinessCalendar calendar, Instant now) {
		UUID breachId = Ids.newId();
		int claimed = this.jdbc.sql("""
				insert into lead_response_breaches (id, lead_id, deadline, breached_at, owner_id)
				values (:id, :leadId, :deadline, :now, :ownerId) on conflict (lead_id) do nothing
				""")
			.param("id", breachId)
			.param("leadId", response.leadId())
			.param("deadline", utc(response.deadline()))
			.param("now", utc(now))
			.param("ownerId", response.ownerId())
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		if (Duration.between(response.deadline(), now).compareTo(this.alertWithin) > 0) {
			return Optional.of(new Recorded(response.leadId(), response.deadline(), null, null));
		}
		String name = candidates.stream()
			.filter(facts -> facts.id().equals(response.leadId()))
			.map(SpeedToLead.Facts::name)
			.findFirst()
			.orElse("A lead");
		Optional<User> owner = this.users.find(response.ownerId()).filter(User::active);
		Optional<User> manager = this.users.find(response.ownerId())
			.map(User::managerId)
			.flatMap(this.users::find)
			.filter(User::active);
		String title = name + " has waited past the speed-to-lead target";
		String body = "Created " + TIME.format(response.createdAt().atZone(calendar.zone())) + ", target "
				+ LeadResponse.text(response.target()) + " in business hours"
				+ ((response.source() != null) ? " (" + response.source() + ")" : "") + "; the deadline was "
				+ TIME.format(response.deadline().atZone(calendar.zone()))
				+ " and no activity has been logged on it, nor has it been accepted.";
		String link = "/leads/" + response.leadId();
		owner.ifPresent(user -> this.notifications.send(user.id(), KIND, title, body, link));
		manager.ifPresent(user -> this.notifications.send(user.id(), KIND,
				title + " (" + owner.map(User::fullName).orElse("its owner") + "'s lead)", body, link));
		this.jdbc.sql("""
				update lead_response_breaches set notified_owner_id = :owner, notified_manager_id = :manager,
				  notified_at = :now where id = :id
				""")
			.param("owner", owner.map(User::id).orElse(null))
			.param("manager", manager.map(User::id).orElse(null))
			.param("now", utc(now))
			.param("id", breachId)
			.update();
		return Optional.of(new Recorded(response.leadId(), response.deadline(), owner.map(User::id).orElse(null),
				manager.map(User::id).orElse(null)));
	}

	/**
	 * A breach a run recorded, and whom it alerted ({@code null}: nobody).
	 */
	public record Recorded(UUID leadId, Instant deadline, UUID notifiedOwnerId, UUID notifiedManagerId) {
	}

}
