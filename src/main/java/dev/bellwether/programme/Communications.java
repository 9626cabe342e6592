package dev.bellwether.programme;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.programme.ProgrammeMessage.AdkarStage;
import dev.bellwether.programme.ProgrammeMessage.Audience;
import dev.bellwether.programme.ProgrammeMessage.AudienceWave;
import dev.bellwether.programme.ProgrammeMessage.Channel;
import dev.bellwether.programme.ProgrammeMessage.SenderKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's communications: messages queued per channel until their send date, the
 * queues' run-dry warnings, each message's delivery and read figures, and how often each
 * person received each key message (docs/programme.md, "Communications"). Programme leads
 * manage and read all of it; a person reads the messages they received.
 */
@Service
@Transactional(readOnly = true)
public class Communications {

	public static final String RECORD_TYPE = "programme message";

	public static final int MAX_TITLE = 200;

	public static final int MAX_BODY = 10_000;

	public static final int MAX_KEY_MESSAGE = 200;

	/** A queue whose last message is sooner than this many days away runs dry. */
	public static final int RUN_DRY_DAYS = 14;

	/** The target number of times a person receives each key message. */
	public static final int REPETITION_MIN = 5;

	public static final int REPETITION_MAX = 7;

	/** A banner shows on a person's pages for this many days after its delivery. */
	public static final int BANNER_DAYS = 7;

	/** The most characters of a message a banner shows. */
	public static final int BANNER_BODY_MAX = 280;

	private final JdbcClient jdbc;

	private final ProgrammeLeads leads;

	private final UserDirectory users;

	private final AdoptionSponsors sponsors;

	private final RolloutWaves rolloutWaves;

	private final Clock clock;

	Communications(JdbcClient jdbc, ProgrammeLeads leads, UserDirectory users, AdoptionSponsors sponsors,
			RolloutWaves rolloutWaves, Clock clock) {
		this.jdbc = jdbc;
		this.leads = leads;
		this.users = users;
		this.sponsors = sponsors;
		this.rolloutWaves = rolloutWaves;
		this.clock = clock;
	}

	/**
	 * What a lead writes: every field of a message but its id and state.
	 *
	 * @param senderId the sponsor (SPONSOR) or named user (USER); none for MANAGER
	 * @param roles role names; teams: team names; waves: rollout waves' ids — the
	 * audience (see {@link Audience}): at least one of the three
	 */
	public record MessageDraft(String title, String body, Channel channel, SenderKind senderKind, UUID senderId,
			AdkarStage stage, LocalDate sendOn, String keyMessage, List<String> roles, List<String> teams,
			List<UUID> waves) {

		public MessageDraft {
			waves = waves == null ? List.of() : waves.stream().filter(Objects::nonNull).distinct().toList();
		}

		/**
		 * A draft whose audience names no rollout wave.
		 */
		public MessageDraft(String title, String body, Channel channel, SenderKind senderKind, UUID senderId,
				AdkarStage stage, LocalDate sendOn, String keyMessage, List<String> roles, List<String> teams) {
			this(title, body, channel, senderKind, senderId, stage, sendOn, keyMessage, roles, teams, List.of());
		}

	}

	/**
	 * A message with its figures, over its deliveries (one per person of its audience).
	 *
	 * @param people deliveries written (0 while queued)
	 * @param delivered delivered: in the notification centre, handed to the SMTP server,
	 * or (talking points) in the manager's notification centre
	 * @param waiting in-app deliveries waiting for a day on which the person has had no
	 * in-app message yet
	 * @param failed not deliverable: no e-mail server or address, no manager
	 * @param read delivered and opened through the message's link
	 */
	public record MessageFigures(ProgrammeMessage message, String senderName, int people, int delivered, int waiting,
			int failed, int read) {

		/**
		 * @return read / delivered in percent, {@code null} before any delivery
		 */
		public Integer readPercent() {
			return this.delivered == 0 ? null : (int) Math.round(100.0 * this.read / this.delivered);
		}

	}

	/**
	 * A channel's queue: its messages not yet released, by send date.
	 *
	 * @param lastSendOn the last queued message's send date, {@code null} when empty
	 * @param daysLeft days from today to {@code lastSendOn}, 0 when empty
	 * @param runsDry whether the queue is empty or its last message is sooner than
	 * {@link #RUN_DRY_DAYS} days away
	 */
	public record Queue(Channel channel, List<ProgrammeMessage> messages, LocalDate lastSendOn, long daysLeft,
			boolean runsDry) {

		static Queue of(Channel channel, List<ProgrammeMessage> queued, LocalDate today) {
			List<ProgrammeMessage> messages = queued.stream()
				.filter(m -> m.channel() == channel && m.queued())
				.sorted(Comparator.comparing(ProgrammeMessage::sendOn).thenComparing(ProgrammeMessage::createdAt))
				.toList();
			if (messages.isEmpty()) {
				return new Queue(channel, messages, null, 0, true);
			}
			LocalDate last = messages.get(messages.size() - 1).sendOn();
			long days = Math.max(0, ChronoUnit.DAYS.between(today, last));
			return new Queue(channel, messages, last, days, last.isBefore(today.plusDays(RUN_DRY_DAYS)));
		}

		/**
		 * @return e.g. "E-mail queue runs dry in 6 days" or "E-mail queue is empty"
		 */
		public String warning() {
			if (this.messages.isEmpty()) {
				return this.channel.label() + " queue is empty";
			}
			return this.channel.label() + " queue runs dry in " + this.daysLeft
					+ (this.daysLeft == 1 ? " day" : " days");
		}

	}

	/**
	 * How often one person received one key message (deliveries delivered).
	 */
	public record PersonRepetitions(String keyMessage, String team, UUID userId, String fullName, int received) {
	}

	/**
	 * One key message in one team: the people it was meant for (a delivery of any of its
	 * messages, delivered or not) below, within and above the 5–7 target.
	 */
	public record TeamRepetitions(String keyMessage, String team, int people, int below, int within, int above) {
	}

	/**
	 * @param outside the people below or above the target, by key message, team and name
	 */
	public record RepetitionReport(List<TeamRepetitions> teams, List<PersonRepetitions> outside) {
	}

	/**
	 * A message as the person who received it reads it.
	 */
	public record ReceivedMessage(ProgrammeMessage message, String senderName, Instant deliveredAt,
			boolean talkingPoints) {
	}

	/**
	 * A person's current banner ({@link #banner}), as the strip across their pages shows
	 * it.
	 *
	 * @param body plain text: the message's first paragraph, at most
	 * {@link #BANNER_BODY_MAX} characters (cut at a word, with "…")
	 * @param shortened whether {@code body} is less than the whole message
	 * @param link the message's read link: following it records the read and shows the
	 * whole message
	 */
	public record Banner(UUID messageId, String title, String body, boolean shortened, String senderName,
			Instant deliveredAt, String link) {

		static String shorten(String text) {
			String first = text.strip().split("\\R\\s*\\R", 2)[0].strip();
			if (first.length() <= BANNER_BODY_MAX) {
				return first;
			}
			String cut = first.substring(0, BANNER_BODY_MAX - 1);
			int space = cut.lastIndexOf(' ');
			return ((space > BANNER_BODY_MAX / 2) ? cut.substring(0, space) : cut).strip() + "…";
		}

	}

	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * @return every message, queued ones first by send date, then released ones newest
	 * first, each with its figures
	 */
	public List<MessageFigures> list(Viewer viewer) {
		this.leads.requireLead(viewer);
		return figures(messages(null));
	}

	public MessageFigures get(Viewer viewer, UUID id) {
		this.leads.requireLead(viewer);
		return figures(messages(id)).stream()
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/**
	 * @return one queue per channel, in the channels' order
	 */
	public List<Queue> queues(Viewer viewer) {
		this.leads.requireLead(viewer);
		return queues();
	}

	List<Queue> queues() {
		List<ProgrammeMessage> queued = messages(null).stream().filter(ProgrammeMessage::queued).toList();
		LocalDate today = today();
		return java.util.Arrays.stream(Channel.values()).map(c -> Queue.of(c, queued, today)).toList();
	}

	/**
	 * @return the key messages used so far, for the editor's suggestions
	 */
	public List<String> keyMessages() {
		return this.jdbc
			.sql("select distinct key_message from programme_messages where key_message is not null order by 1")
			.query(String.class)
			.list();
	}

	/**
	 * @return the teams of active people, for the editor
	 */
	public List<String> teams() {
		return this.users.people()
			.stream()
			.filter(p -> p.active() && p.team() != null && !p.team().isBlank())
			.map(Person::team)
			.collect(Collectors.toCollection(TreeSet::new))
			.stream()
			.toList();
	}

	/**
	 * @return the rollout waves a message can be addressed to, in the waves' order
	 */
	public List<Wave> waves() {
		return this.rolloutWaves.list();
	}

	/**
	 * The people an audience reaches now: active people, never integration accounts, who
	 * match every kind the audience gives ({@link Audience#includes}); a wave's members
	 * as the rollout waves have them now ({@link RolloutWaves#members}). The one place an
	 * audience is resolved: the delivery job calls it when it releases a message.
	 * @param people everyone, as {@link UserDirectory#people()} gives them
	 */
	List<Person> recipients(Audience audience, Collection<Person> people) {
		Set<UUID> inNamedWaves = new HashSet<>();
		if (!audience.waves().isEmpty()) {
			Set<UUID> named = new HashSet<>(audience.waveIds());
			this.rolloutWaves.assignment(this.rolloutWaves.list(), List.copyOf(people)).forEach((user, wave) -> {
				if (named.contains(wave)) {
					inNamedWaves.add(user);
				}
			});
		}
		return people.stream()
			.filter(p -> p.active() && !p.integrationAccount() && audience.includes(p, inNamedWaves))
			.toList();
	}

	@Transactional
	public ProgrammeMessage create(Viewer viewer, MessageDraft draft) {
		this.leads.requireLead(viewer);
		MessageDraft valid = validate(draft);
		UUID id = Ids.newId();
		OffsetDateTime now = utc(this.clock.instant());
		this.jdbc.sql("""
				insert into programme_messages (id, title, body, channel, sender_kind, sender_id, adkar_stage, send_on,
				  key_message, created_at, created_by, updated_at, updated_by, version)
				values (:id, :title, :body, :channel, :senderKind, :senderId, :stage, :sendOn, :keyMessage,
				  :now, :by, :now, :by, 0)
				""").param("id", id).params(fields(valid)).param("now", now).param("by", viewer.id()).update();
		writeAudience(id, valid);
		return messages(id).get(0);
	}

	/**
	 * @throws InvalidInputException when the message has been released already
	 * @throws StaleRecordException when it changed since {@code version}
	 */
	@Transactional
	public ProgrammeMessage update(Viewer viewer, UUID id, long version, MessageDraft draft) {
		this.leads.requireLead(viewer);
		requireQueued(id);
		MessageDraft valid = validate(draft);
		int changed = this.jdbc.sql("""
				update programme_messages set title = :title, body = :body, channel = :channel,
				  sender_kind = :senderKind, sender_id = :senderId, adkar_stage = :stage, send_on = :sendOn,
				  key_message = :keyMessage, updated_at = :now, updated_by = :by, version = version + 1
				where id = :id and version = :version and released_at is null
				""")
			.params(fields(valid))
			.param("now", utc(this.clock.instant()))
			.param("by", viewer.id())
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new StaleRecordException(RECORD_TYPE, id, version);
		}
		this.jdbc.sql("delete from programme_message_audiences where message_id = :id").param("id", id).update();
		writeAudience(id, valid);
		return messages(id).get(0);
	}

	/**
	 * Takes a queued message off its queue.
	 * @throws InvalidInputException when it has been released already
	 */
	@Transactional
	public void delete(Viewer viewer, UUID id) {
		this.leads.requireLead(viewer);
		requireQueued(id);
		this.jdbc.sql("delete from programme_messages where id = :id and released_at is null").param("id", id).update();
	}

	/**
	 * The viewer's current banner: the in-app banner ({@link Channel#IN_APP_BANNER})
	 * delivered to them latest (then the highest message id) among those delivered within
	 * the last {@link #BANNER_DAYS} days and not yet read (opened through its link or
	 * dismissed, {@link #markRead}).
	 * @return empty when they have none
	 */
	public Optional<Banner> banner(Viewer viewer) {
		record Row(UUID messageId, UUID senderId, Instant deliveredAt, String title, String body) {
		}
		Instant now = this.clock.instant();
		List<Row> rows = this.jdbc.sql("""
				select d.message_id, d.sender_id, d.delivered_at, m.title, m.body
				from programme_message_deliveries d join programme_messages m on m.id = d.message_id
				where d.recipient_id = :viewer and d.status = 'DELIVERED' and d.read_at is null
				  and m.channel = 'IN_APP_BANNER' and d.delivered_at > :since
				order by d.delivered_at desc, d.message_id desc limit 1
				""")
			.param("viewer", viewer.id())
			.param("since", utc(now.minus(BANNER_DAYS, ChronoUnit.DAYS)))
			.query((rs, n) -> new Row(rs.getObject("message_id", UUID.class), rs.getObject("sender_id", UUID.class),
					rs.getObject("delivered_at", OffsetDateTime.class).toInstant(), rs.getString("title"),
					rs.getString("body")))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Row row = rows.get(0);
		String body = Banner.shorten(row.body());
		return Optional.of(new Banner(row.messageId(), row.title(), body, !body.equals(row.body().strip()),
				row.senderId() == null ? "The programme team" : nameOf(row.senderId()), row.deliveredAt(),
				MessageDelivery.link(row.messageId())));
	}

	/**
	 * Records that the viewer opened a message they were told (through the link of its
	 * notification or e-mail): its read receipt.
	 * @return whether the viewer was told this message
	 */
	@Transactional
	public boolean markRead(Viewer viewer, UUID messageId) {
		this.jdbc.sql("""
				update programme_message_deliveries set read_at = :now
				where message_id = :id and recipient_id = :viewer and status = 'DELIVERED' and read_at is null
				""")
			.param("now", utc(this.clock.instant()))
			.param("id", messageId)
			.param("viewer", viewer.id())
			.update();
		return received(viewer, messageId).isPresent();
	}

	/**
	 * @return the message as the viewer received it, empty unless it was delivered to
	 * them
	 */
	public Optional<ReceivedMessage> received(Viewer viewer, UUID messageId) {
		record Row(UUID senderId, Instant deliveredAt) {
		}
		List<Row> rows = this.jdbc.sql("""
				select sender_id, delivered_at from programme_message_deliveries
				where message_id = :id and recipient_id = :viewer and status = 'DELIVERED'
				order by delivered_at limit 1
				""")
			.param("id", messageId)
			.param("viewer", viewer.id())
			.query((rs, n) -> new Row(rs.getObject("sender_id", UUID.class),
					rs.getObject("delivered_at", OffsetDateTime.class).toInstant()))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		ProgrammeMessage message = messages(messageId).get(0);
		UUID sender = rows.get(0).senderId();
		return Optional.of(new ReceivedMessage(message, sender == null ? "The programme team" : nameOf(sender),
				rows.get(0).deliveredAt(), message.channel() == Channel.TALKING_POINTS));
	}

	/**
	 * Repetitions of each key message per person: deliveries delivered to them of the key
	 * message's messages (talking points count for the people of the manager's team they
	 * were meant for), against the 5–7 target.
	 */
	public RepetitionReport repetitions(Viewer viewer) {
		this.leads.requireLead(viewer);
		record Count(UUID userId, String keyMessage, int received) {
		}
		List<Count> counts = this.jdbc.sql("""
				select d.user_id, m.key_message, count(*) filter (where d.status = 'DELIVERED') as received
				from programme_message_deliveries d join programme_messages m on m.id = d.message_id
				where m.key_message is not null
				group by d.user_id, m.key_message
				""")
			.query((rs, n) -> new Count(rs.getObject("user_id", UUID.class), rs.getString("key_message"),
					rs.getInt("received")))
			.list();
		Map<UUID, Person> people = this.users.people()
			.stream()
			.collect(Collectors.toMap(Person::id, Function.identity()));
		List<PersonRepetitions> all = counts.stream().filter(c -> people.containsKey(c.userId())).map(c -> {
			Person person = people.get(c.userId());
			return new PersonRepetitions(c.keyMessage(), teamOf(person), person.id(), person.fullName(), c.received());
		})
			.sorted(Comparator.comparing(PersonRepetitions::keyMessage)
				.thenComparing(PersonRepetitions::team)
				.thenComparing(p -> p.fullName().toLowerCase(Locale.ROOT))
				.thenComparing(PersonRepetitions::userId))
			.toList();
		Map<List<String>, int[]> byTeam = new LinkedHashMap<>();
		for (PersonRepetitions p : all) {
			int[] tally = byTeam.computeIfAbsent(List.of(p.keyMessage(), p.team()), k -> new int[4]);
			tally[0]++;
			tally[band(p.received()) + 2]++;
		}
		List<TeamRepetitions> teams = new ArrayList<>();
		byTeam.forEach((key, t) -> teams.add(new TeamRepetitions(key.get(0), key.get(1), t[0], t[1], t[2], t[3])));
		return new RepetitionReport(teams, all.stream().filter(p -> band(p.received()) != 0).toList());
	}

	/**
	 * @return -1 below the target, 0 within, 1 above
	 */
	static int band(int received) {
		return received < REPETITION_MIN ? -1 : received > REPETITION_MAX ? 1 : 0;
	}

	static String teamOf(Person person) {
		return person.team() == null || person.team().isBlank() ? "No team" : person.team();
	}

	private void requireQueued(UUID id) {
		List<OffsetDateTime> released = this.jdbc.sql("select released_at from programme_messages where id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getObject("released_at", OffsetDateTime.class))
			.list();
		if (released.isEmpty()) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		if (released.get(0) != null) {
			throw new InvalidInputException("id", "This message has been sent already and can no longer change.");
		}
	}

	MessageDraft validate(MessageDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		String title = trim(draft.title());
		String body = trim(draft.body());
		String key = trim(draft.keyMessage());
		if (title == null) {
			errors.put("title", "Give the message a title.");
		}
		else if (title.length() > MAX_TITLE) {
			errors.put("title", "The title is " + title.length() + " characters long; at most " + MAX_TITLE + ".");
		}
		if (body == null) {
			errors.put("body", "Write the message: its body is empty.");
		}
		else if (body.length() > MAX_BODY) {
			errors.put("body", "The message is " + body.length() + " characters long; at most " + MAX_BODY + ".");
		}
		if (key != null && key.length() > MAX_KEY_MESSAGE) {
			errors.put("keyMessage", "A key message is at most " + MAX_KEY_MESSAGE + " characters long.");
		}
		if (draft.channel() == null) {
			errors.put("channel", "Choose a channel.");
		}
		if (draft.stage() == null) {
			errors.put("stage", "Choose the ADKAR stage the message serves.");
		}
		if (draft.sendOn() == null) {
			errors.put("sendOn", "Choose the day to send it.");
		}
		else if (draft.sendOn().isBefore(today())) {
			errors.put("sendOn", "The send date " + draft.sendOn() + " is in the past; choose today or later.");
		}
		List<String> roles = clean(draft.roles());
		List<String> teams = clean(draft.teams());
		List<UUID> waveIds = draft.waves();
		if (roles.isEmpty() && teams.isEmpty() && waveIds.isEmpty()) {
			errors.put("audience", "Choose who the message is for: at least one role, team or rollout wave.");
		}
		if (!waveIds.isEmpty()) {
			Set<UUID> known = waves().stream().map(Wave::id).collect(Collectors.toSet());
			List<String> unknown = waveIds.stream().filter(w -> !known.contains(w)).map(UUID::toString).toList();
			if (!unknown.isEmpty()) {
				errors.put("waves",
						(unknown.size() == 1 ? "No rollout wave has the id " : "No rollout waves have the ids ")
								+ String.join(", ", unknown) + ".");
			}
		}
		for (String role : roles) {
			if (java.util.Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role))) {
				errors.put("audience", "Unknown role: " + role + ".");
			}
		}
		List<String> knownTeams = teams.isEmpty() ? List.of() : teams();
		for (String team : teams) {
			if (!knownTeams.contains(team)) {
				errors.put("audience", "No active person is in a team called " + team + ".");
			}
		}
		UUID senderId = draft.senderId();
		if (draft.senderKind() == null) {
			errors.put("senderKind", "Choose who sends the message.");
		}
		else if (draft.senderKind() == SenderKind.MANAGER) {
			senderId = null;
		}
		else if (senderId == null) {
			errors.put("senderId", draft.senderKind() == SenderKind.SPONSOR ? "Choose the sponsor who sends it."
					: "Choose the person who sends it.");
		}
		else if (draft.senderKind() == SenderKind.SPONSOR) {
			boolean activeSponsor = this.sponsors.list()
				.stream()
				.anyMatch(s -> s.userId().equals(draft.senderId()) && s.active());
			if (!activeSponsor) {
				errors.put("senderId", "The sender is not an active executive sponsor.");
			}
		}
		else {
			Optional<User> user = this.users.find(senderId);
			if (user.isEmpty()) {
				errors.put("senderId", "Unknown sender.");
			}
			else if (!user.get().active() || user.get().integrationAccount()) {
				errors.put("senderId", user.get().fullName() + " cannot send messages: not an active person.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new MessageDraft(title, body, draft.channel(), draft.senderKind(), senderId, draft.stage(),
				draft.sendOn(), key, roles, teams, waveIds);
	}

	private static List<String> clean(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream().map(Communications::trim).filter(Objects::nonNull).distinct().toList();
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static Map<String, Object> fields(MessageDraft d) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("title", d.title());
		fields.put("body", d.body());
		fields.put("channel", d.channel().name());
		fields.put("senderKind", d.senderKind().name());
		fields.put("senderId", d.senderId());
		fields.put("stage", d.stage().name());
		fields.put("sendOn", d.sendOn());
		fields.put("keyMessage", d.keyMessage());
		return fields;
	}

	private void writeAudience(UUID id, MessageDraft draft) {
		draft.roles().forEach(role -> insertAudience(id, "ROLE", role));
		draft.teams().forEach(team -> insertAudience(id, "TEAM", team));
		draft.waves().forEach(wave -> insertAudience(id, "WAVE", wave.toString()));
	}

	private void insertAudience(UUID id, String kind, String value) {
		this.jdbc.sql("insert into programme_message_audiences (message_id, kind, value) values (:id, :kind, :value)")
			.param("id", id)
			.param("kind", kind)
			.param("value", value)
			.update();
	}

	/**
	 * @param id one message, or {@code null} for all
	 */
	List<ProgrammeMessage> messages(UUID id) {
		Map<UUID, List<AudienceWave>> waves = new HashMap<>();
		this.jdbc.sql("""
				select a.message_id, a.value, w.name from programme_message_audiences a
				left join programme_waves w on cast(w.id as text) = a.value
				where a.kind = 'WAVE' and (cast(:id as uuid) is null or a.message_id = :id)
				order by w.position nulls last, w.created_at, a.value
				""").param("id", id).query(rs -> {
			String name = rs.getString("name");
			waves.computeIfAbsent(rs.getObject("message_id", UUID.class), m -> new ArrayList<>())
				.add(new AudienceWave(UUID.fromString(rs.getString("value")),
						name == null ? AudienceWave.DELETED : name));
		});
		List<ProgrammeMessage> messages = this.jdbc.sql("""
				select m.*,
				  array(select a.value from programme_message_audiences a
				        where a.message_id = m.id and a.kind = 'ROLE' order by a.value) as roles,
				  array(select a.value from programme_message_audiences a
				        where a.message_id = m.id and a.kind = 'TEAM' order by a.value) as teams
				from programme_messages m
				where (cast(:id as uuid) is null or m.id = :id)
				order by m.released_at is not null, case when m.released_at is null then m.send_on end,
				  m.released_at desc, m.created_at, m.id
				""").param("id", id).query(Communications::map).list();
		if (waves.isEmpty()) {
			return messages;
		}
		return messages.stream().map(m -> withWaves(m, waves.getOrDefault(m.id(), List.of()))).toList();
	}

	private static ProgrammeMessage withWaves(ProgrammeMessage m, List<AudienceWave> waves) {
		return new ProgrammeMessage(m.id(), m.title(), m.body(), m.channel(), m.senderKind(), m.senderId(), m.stage(),
				m.sendOn(), m.keyMessage(), new Audience(m.audience().roles(), m.audience().teams(), waves),
				m.releasedAt(), m.createdAt(), m.version());
	}

	private List<MessageFigures> figures(List<ProgrammeMessage> messages) {
		if (messages.isEmpty()) {
			return List.of();
		}
		Map<UUID, int[]> counts = new HashMap<>();
		this.jdbc.sql("""
				select message_id, count(*) as people,
				  count(*) filter (where status = 'DELIVERED') as delivered,
				  count(*) filter (where status = 'WAITING') as waiting,
				  count(*) filter (where status = 'FAILED') as failed,
				  count(*) filter (where status = 'DELIVERED' and read_at is not null) as read
				from programme_message_deliveries
				where (cast(:id as uuid) is null or message_id = :id)
				group by message_id
				""").param("id", messages.size() == 1 ? messages.get(0).id() : null).query(rs -> {
			counts.put(rs.getObject("message_id", UUID.class), new int[] { rs.getInt("people"), rs.getInt("delivered"),
					rs.getInt("waiting"), rs.getInt("failed"), rs.getInt("read") });
		});
		Map<UUID, String> names = this.users
			.namesOf(messages.stream().map(ProgrammeMessage::senderId).filter(Objects::nonNull).toList());
		return messages.stream().map(m -> {
			int[] c = counts.getOrDefault(m.id(), new int[5]);
			String sender = m.senderKind() == SenderKind.MANAGER ? "Each person's manager"
					: names.getOrDefault(m.senderId(), "Unknown");
			return new MessageFigures(m, sender, c[0], c[1], c[2], c[3], c[4]);
		}).toList();
	}

	private String nameOf(UUID userId) {
		return this.users.namesOf(List.of(userId)).getOrDefault(userId, "Unknown");
	}

	private static ProgrammeMessage map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime released = rs.getObject("released_at", OffsetDateTime.class);
		return new ProgrammeMessage(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("body"),
				Channel.valueOf(rs.getString("channel")), SenderKind.valueOf(rs.getString("sender_kind")),
				rs.getObject("sender_id", UUID.class), AdkarStage.valueOf(rs.getString("adkar_stage")),
				rs.getObject("send_on", LocalDate.class), rs.getString("key_message"),
				new Audience(strings(rs.getArray("roles")), strings(rs.getArray("teams"))),
				released == null ? null : released.toInstant(),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
