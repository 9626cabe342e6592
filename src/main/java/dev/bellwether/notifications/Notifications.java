package dev.bellwether.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.SqlArrays;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The notification centre: send a message to a person, list theirs, mark them read. Each
 * person sees and changes only their own.
 */
@Service
@Transactional(readOnly = true)
public class Notifications {

	public static final int MAX_TITLE = 200;

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final NotificationMailer mailer;

	private final Clock clock;

	Notifications(JdbcClient jdbc, UserDirectory users, ObjectProvider<JavaMailSender> sender,
			@Value("${spring.mail.host:}") String mailHost,
			@Value("${bellwether.notifications.from:bellwether@localhost}") String from,
			@Value("${bellwether.base-url:http://localhost:8080}") String baseUrl, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.mailer = new NotificationMailer(
				StringUtils.hasText(mailHost) ? Optional.ofNullable(sender.getIfAvailable()) : Optional.empty(), from,
				baseUrl);
		this.clock = clock;
	}

	/**
	 * Stores the message for the person and e-mails it to them when SMTP is configured.
	 */
	@Transactional
	public Notification send(UUID userId, String kind, String title, String body, String link) {
		String shortTitle = shorten(title);
		Notification notification = new Notification(Ids.newId(), userId, this.clock.instant(), kind, shortTitle, body,
				link, null);
		this.jdbc.sql("""
				insert into notifications (id, user_id, created_at, kind, title, body, link)
				values (:id, :userId, :createdAt, :kind, :title, :body, :link)
				""")
			.param("id", notification.id())
			.param("userId", userId)
			.param("createdAt", utc(notification.createdAt()))
			.param("kind", kind)
			.param("title", shortTitle)
			.param("body", body)
			.param("link", link)
			.update();
		if (this.mailer.enabled()) {
			this.mailer.send(this.users.get(userId).email(), notification);
		}
		return notification;
	}

	/**
	 * {@link #send} for many messages in one statement: a job that tells hundreds of
	 * people at once (the SLA sweep's catch-up) pays one round trip, not one each. Each
	 * is stored and e-mailed as {@link #send} does it.
	 * @return the notifications stored, in the messages' order
	 */
	@Transactional
	public List<Notification> sendAll(List<Message> messages) {
		if (messages.isEmpty()) {
			return List.of();
		}
		List<Notification> stored = new ArrayList<>(messages.size());
		for (Message message : messages) {
			stored.add(new Notification(Ids.newId(), message.userId(), this.clock.instant(), message.kind(),
					shorten(message.title()), message.body(), message.link(), null));
		}
		this.jdbc.sql("""
				insert into notifications (id, user_id, created_at, kind, title, body, link)
				select * from unnest(cast(:ids as uuid[]), cast(:userIds as uuid[]), cast(:createdAts as timestamptz[]),
				  cast(:kinds as text[]), cast(:titles as text[]), cast(:bodies as text[]), cast(:links as text[]))
				""")
			.param("ids", SqlArrays.of(stored.stream().map(Notification::id).toList()))
			.param("userIds", SqlArrays.of(stored.stream().map(Notification::userId).toList()))
			.param("createdAts", SqlArrays.of(stored.stream().map(n -> utc(n.createdAt())).toList()))
			.param("kinds", SqlArrays.of(stored.stream().map(Notification::kind).toList()))
			.param("titles", SqlArrays.of(stored.stream().map(Notification::title).toList()))
			.param("bodies", SqlArrays.of(stored.stream().map(Notification::body).toList()))
			.param("links", SqlArrays.of(stored.stream().map(Notification::link).toList()))
			.update();
		if (this.mailer.enabled()) {
			stored
				.forEach(notification -> this.mailer.send(this.users.get(notification.userId()).email(), notification));
		}
		return stored;
	}

	/**
	 * One message for {@link #sendAll}: the arguments of {@link #send}.
	 */
	public record Message(UUID userId, String kind, String title, String body, String link) {
	}

	public Page<Notification> of(UUID userId, Pageable pageable) {
		long total = unreadOrAll(userId, false);
		List<Notification> content = this.jdbc.sql("""
				select * from notifications where user_id = :userId order by created_at desc, id desc
				limit :limit offset :offset
				""")
			.param("userId", userId)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Notifications::map)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	public long unreadCount(UUID userId) {
		return unreadOrAll(userId, true);
	}

	/**
	 * @throws RecordNotFoundException for an unknown id or another person's notification
	 */
	@Transactional
	public Notification markRead(UUID userId, UUID id) {
		int changed = this.jdbc.sql("""
				update notifications set read_at = coalesce(read_at, :now) where id = :id and user_id = :userId
				""").param("now", utc(this.clock.instant())).param("id", id).param("userId", userId).update();
		if (changed == 0) {
			throw new RecordNotFoundException("notification", id);
		}
		return this.jdbc.sql("select * from notifications where id = :id")
			.param("id", id)
			.query(Notifications::map)
			.single();
	}

	@Transactional
	public int markAllRead(UUID userId) {
		return this.jdbc.sql("update notifications set read_at = :now where user_id = :userId and read_at is null")
			.param("now", utc(this.clock.instant()))
			.param("userId", userId)
			.update();
	}

	/** Whether messages also go out by e-mail. */
	public boolean mailEnabled() {
		return this.mailer.enabled();
	}

	private long unreadOrAll(UUID userId, boolean unreadOnly) {
		Long count = this.jdbc
			.sql("select count(*) from notifications where user_id = :userId"
					+ (unreadOnly ? " and read_at is null" : ""))
			.param("userId", userId)
			.query(Long.class)
			.single();
		return count == null ? 0 : count;
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
		return new Notification(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("kind"),
				rs.getString("title"), rs.getString("body"), rs.getString("link"),
				read == null ? null : read.toInstant());
	}

	private static String shorten(String title) {
		return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
