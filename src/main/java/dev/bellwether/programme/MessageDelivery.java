package dev.bellwether.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bellwether.identity.Person;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.programme.ProgrammeMessage.Channel;
import dev.bellwether.programme.ProgrammeMessage.SenderKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers the programme's messages, run by {@link MessageDeliveryJob} for the current
 * instant (and by tests for any instant):
 * <ol>
 * <li>every queued message whose send date has come (on or before the UTC day of
 * {@code now}) is released: one delivery per person of its audience as
 * {@link Communications#recipients} resolves it then (rollout waves' members included),
 * waiting;
 * <li>e-mails are handed to the SMTP server (failed without one or without an address);
 * talking points go to each person's manager as one notification per manager (failed for
 * a person without a manager);
 * <li>in-app messages (banners and announcements) go to the notification centre, at most
 * one a person a UTC day: a person who has had none today gets their waiting one with the
 * earliest send date (then the earliest written, then the lowest id); the others wait for
 * a later run on a day they have had none.
 * </ol>
 */
@Service
class MessageDelivery {

	private final JdbcClient jdbc;

	private final Communications communications;

	private final UserDirectory users;

	private final Notifications notifications;

	private final MessageMailer mailer;

	MessageDelivery(JdbcClient jdbc, Communications communications, UserDirectory users, Notifications notifications,
			MessageMailer mailer) {
		this.jdbc = jdbc;
		this.communications = communications;
		this.users = users;
		this.notifications = notifications;
		this.mailer = mailer;
	}

	/**
	 * @param released messages taken off their queues
	 * @param delivered deliveries delivered in this run
	 * @param waiting in-app deliveries still waiting after it
	 * @param failed deliveries failed in this run
	 */
	record Result(int released, int delivered, int waiting, int failed) {
	}

	static String link(UUID messageId) {
		return "/programme/messages/" + messageId + "/read";
	}

	@Transactional
	Result deliverDue(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Map<UUID, Person> people = this.users.people()
			.stream()
			.collect(Collectors.toMap(Person::id, Function.identity()));
		int released = release(now, today, people);
		int[] outcome = new int[2];
		deliverOthers(now, today, people, outcome);
		deliverInApp(now, today, people, outcome);
		Integer waiting = this.jdbc
			.sql("select count(*) from programme_message_deliveries where status = 'WAITING' and in_app")
			.query(Integer.class)
			.single();
		return new Result(released, outcome[0], waiting == null ? 0 : waiting, outcome[1]);
	}

	private int release(Instant now, LocalDate today, Map<UUID, Person> people) {
		List<UUID> due = this.jdbc.sql("""
				select id from programme_messages where released_at is null and send_on <= :today
				order by send_on, created_at, id
				""").param("today", today).query(UUID.class).list();
		for (UUID id : due) {
			ProgrammeMessage message = this.communications.messages(id).get(0);
			List<Person> audience = this.communications.recipients(message.audience(), people.values());
			List<UUID> ids = new ArrayList<>();
			List<UUID> userIds = new ArrayList<>();
			List<UUID> recipients = new ArrayList<>();
			List<UUID> senders = new ArrayList<>();
			List<String> statuses = new ArrayList<>();
			List<String> notes = new ArrayList<>();
			for (Person person : audience) {
				boolean talkingPoints = message.channel() == Channel.TALKING_POINTS;
				UUID recipient = talkingPoints ? person.managerId() : person.id();
				ids.add(Ids.newId());
				userIds.add(person.id());
				recipients.add(recipient);
				senders.add(message.senderKind() == SenderKind.MANAGER ? person.managerId() : message.senderId());
				statuses.add(recipient == null ? "FAILED" : "WAITING");
				notes.add(recipient == null ? "No manager to brief" : null);
			}
			if (!ids.isEmpty()) {
				this.jdbc
					.sql("""
							insert into programme_message_deliveries (id, message_id, user_id, recipient_id, sender_id, in_app,
							  status, note, created_at)
							select d.id, :messageId, d.user_id, d.recipient_id, d.sender_id, :inApp, d.status, d.note, :now
							from unnest(cast(:ids as uuid[]), cast(:userIds as uuid[]), cast(:recipients as uuid[]),
							  cast(:senders as uuid[]), cast(:statuses as text[]), cast(:notes as text[]))
							  as d (id, user_id, recipient_id, sender_id, status, note)
							""")
					.param("messageId", id)
					.param("inApp", message.channel().inApp())
					.param("now", Communications.utc(now))
					.param("ids", SqlArrays.of(ids))
					.param("userIds", SqlArrays.of(userIds))
					.param("recipients", SqlArrays.of(recipients))
					.param("senders", SqlArrays.of(senders))
					.param("statuses", SqlArrays.of(statuses))
					.param("notes", SqlArrays.of(notes))
					.update();
			}
			this.jdbc.sql("update programme_messages set released_at = :now where id = :id")
				.param("now", Communications.utc(now))
				.param("id", id)
				.update();
		}
		return due.size();
	}

	private record Waiting(UUID id, UUID messageId, UUID userId, UUID recipientId, UUID senderId, Channel channel,
			String title, String body) {
	}

	private List<Waiting> waiting(boolean inApp) {
		return this.jdbc.sql("""
				select d.id, d.message_id, d.user_id, d.recipient_id, d.sender_id, m.channel, m.title, m.body
				from programme_message_deliveries d join programme_messages m on m.id = d.message_id
				where d.status = 'WAITING' and d.in_app = :inApp
				order by d.user_id, m.send_on, m.created_at, m.id
				""")
			.param("inApp", inApp)
			.query((rs, n) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
					rs.getObject("user_id", UUID.class), rs.getObject("recipient_id", UUID.class),
					rs.getObject("sender_id", UUID.class), Channel.valueOf(rs.getString("channel")),
					rs.getString("title"), rs.getString("body")))
			.list();
	}

	private void deliverOthers(Instant now, LocalDate today, Map<UUID, Person> people, int[] outcome) {
		List<Waiting> waiting = waiting(false);
		Map<UUID, String> senders = senderNames(waiting);
		Map<List<UUID>, List<Waiting>> briefs = new LinkedHashMap<>();
		for (Waiting w : waiting) {
			if (w.channel() == Channel.EMAIL) {
				Person recipient = people.get(w.recipientId());
				boolean sent = recipient != null && recipient.active() && this.mailer.send(recipient.email(),
						senderName(senders, w.senderId()), w.title(), w.body(), link(w.messageId()));
				if (sent) {
					delivered(List.of(w.id()), now, today);
					outcome[0]++;
				}
				else {
					failed(w.id(),
							!this.mailer.enabled() ? "No e-mail server configured" : "Not handed to the e-mail server");
					outcome[1]++;
				}
			}
			else {
				briefs.computeIfAbsent(List.of(w.messageId(), w.recipientId()), k -> new ArrayList<>()).add(w);
			}
		}
		List<Notifications.Message> notes = new ArrayList<>();
		List<UUID> briefed = new ArrayList<>();
		briefs.forEach((key, team) -> {
			Waiting first = team.get(0);
			Set<String> names = new LinkedHashSet<>();
			team.forEach(w -> names.add(people.containsKey(w.userId()) ? people.get(w.userId()).fullName() : "?"));
			notes.add(new Notifications.Message(first.recipientId(), "PROGRAMME_TALKING_POINTS",
					"Talking points for your team meeting: " + first.title(),
					first.body() + "\n\nFor " + names.size() + (names.size() == 1 ? " person" : " people")
							+ " of your team: " + String.join(", ", names) + ".",
					link(first.messageId())));
			team.forEach(w -> briefed.add(w.id()));
		});
		this.notifications.sendAll(notes);
		delivered(briefed, now, today);
		outcome[0] += briefed.size();
	}

	private void deliverInApp(Instant now, LocalDate today, Map<UUID, Person> people, int[] outcome) {
		Set<UUID> hadOneToday = new java.util.HashSet<>(this.jdbc.sql("""
				select user_id from programme_message_deliveries
				where in_app and status = 'DELIVERED' and delivered_on = :today
				""").param("today", today).query(UUID.class).list());
		List<Waiting> next = new ArrayList<>();
		for (Waiting w : waiting(true)) {
			Person person = people.get(w.userId());
			if (person == null || !person.active()) {
				failed(w.id(), "Deactivated");
				outcome[1]++;
			}
			else if (hadOneToday.add(w.userId())) {
				next.add(w);
			}
		}
		Map<UUID, String> senders = senderNames(next);
		this.notifications.sendAll(next.stream()
			.map(w -> new Notifications.Message(w.recipientId(), "PROGRAMME_" + w.channel().name(),
					(w.channel() == Channel.ANNOUNCEMENT ? "Announcement: " : "") + w.title(),
					w.body() + "\n\n— " + senderName(senders, w.senderId()), link(w.messageId())))
			.toList());
		delivered(next.stream().map(Waiting::id).toList(), now, today);
		outcome[0] += next.size();
	}

	private Map<UUID, String> senderNames(List<Waiting> waiting) {
		Set<UUID> ids = waiting.stream()
			.map(Waiting::senderId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		return ids.isEmpty() ? new HashMap<>() : this.users.namesOf(ids);
	}

	private static String senderName(Map<UUID, String> names, UUID senderId) {
		return senderId == null ? "The programme team" : names.getOrDefault(senderId, "The programme team");
	}

	private void delivered(List<UUID> ids, Instant now, LocalDate today) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update programme_message_deliveries set status = 'DELIVERED', delivered_at = :now, delivered_on = :today
				where id = any (cast(:ids as uuid[]))
				""")
			.param("now", Communications.utc(now))
			.param("today", today)
			.param("ids", SqlArrays.of(ids))
			.update();
	}

	private void failed(UUID id, String note) {
		this.jdbc.sql("update programme_message_deliveries set status = 'FAILED', note = :note where id = :id")
			.param("note", note)
			.param("id", id)
			.update();
	}

}
