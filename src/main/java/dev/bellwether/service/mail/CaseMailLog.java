package dev.bellwether.service.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Table {@code case_mail_messages}: every message received for the support mailbox and
 * every message sent for a case, by Message-ID.
 */
@Repository
class CaseMailLog {

	private final JdbcClient jdbc;

	CaseMailLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String COLUMNS = """
			m.id, m.message_id, m.direction, m.case_id, c.number as case_number, m.comment_id, m.from_address,
			m.from_name, m.to_address, m.subject, m.at, m.outcome, m.detail, m.source, m.raw_size, m.released_at,
			m.released_by, m.raw is not null as has_raw
			""";

	private static final String FROM = " from case_mail_messages m left join cases c on c.id = m.case_id ";

	/** Until the transaction ends, no one else receives this Message-ID. */
	void lock(String messageId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:id, 61))")
			.param("id", messageId)
			.query((rs, row) -> 1)
			.list();
	}

	Optional<MailboxEntry> byMessageId(String messageId) {
		return this.jdbc.sql("select " + COLUMNS + FROM + "where m.message_id = :id")
			.param("id", messageId)
			.query(CaseMailLog::map)
			.optional();
	}

	Optional<MailboxEntry> get(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + FROM + "where m.id = :id")
			.param("id", id)
			.query(CaseMailLog::map)
			.optional();
	}

	/**
	 * The case of the most recent of these messages that has one.
	 */
	Optional<UUID> caseOfAny(List<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select case_id from case_mail_messages
				where message_id in (:ids) and case_id is not null
				order by at desc limit 1
				""").param("ids", messageIds).query(UUID.class).optional();
	}

	/** How many messages came from an address since then. */
	long receivedFrom(String email, Instant since) {
		return this.jdbc.sql("""
				select count(*) from case_mail_messages
				where direction = 'IN' and lower(from_address) = lower(:email) and at > :since
				""").param("email", email).param("since", utc(since)).query(Long.class).single();
	}

	void recordInbound(UUID id, String messageId, MailAddress sender, String subject, Instant at,
			InboundOutcome outcome, String detail, MailSource source, UUID caseId, UUID commentId, byte[] raw,
			long rawSize) {
		this.jdbc.sql("""
				insert into case_mail_messages (id, message_id, direction, case_id, comment_id, from_address, from_name,
				  subject, at, outcome, detail, source, raw, raw_size)
				values (:id, :messageId, 'IN', :caseId, :commentId, :from, :fromName, :subject, :at, :outcome, :detail,
				  :source, :raw, :rawSize)
				""")
			.param("id", id)
			.param("messageId", cut(messageId, 998))
			.param("caseId", caseId)
			.param("commentId", commentId)
			.param("from", sender == null ? null : cut(sender.email(), 320))
			.param("fromName", sender == null ? null : cut(sender.name(), 200))
			.param("subject", cut(subject, 1000))
			.param("at", utc(at))
			.param("outcome", outcome.name())
			.param("detail", cut(detail, 2000))
			.param("source", source.name())
			.param("raw", raw)
			.param("rawSize", rawSize)
			.update();
	}

	void recordOutbound(String messageId, UUID caseId, UUID commentId, String from, String to, String subject,
			Instant at, boolean sent, String detail) {
		this.jdbc
			.sql("""
					insert into case_mail_messages (id, message_id, direction, case_id, comment_id, from_address,
					  to_address, subject, at, outcome, detail, source)
					values (:id, :messageId, 'OUT', :caseId, :commentId, :from, :to, :subject, :at, :outcome, :detail, 'SMTP')
					""")
			.param("id", Ids.newId())
			.param("messageId", messageId)
			.param("caseId", caseId)
			.param("commentId", commentId)
			.param("from", cut(from, 320))
			.param("to", cut(to, 320))
			.param("subject", cut(subject, 1000))
			.param("at", utc(at))
			.param("outcome", sent ? "SENT" : "FAILED")
			.param("detail", cut(detail, 2000))
			.update();
	}

	/** A held message let through: it opened (or joined) this case. */
	boolean markReleased(UUID id, UUID caseId, UUID commentId, UUID actor, Instant at) {
		return this.jdbc.sql("""
				update case_mail_messages
				set outcome = 'RELEASED', case_id = :caseId, comment_id = :commentId, released_at = :at,
				  released_by = :actor, raw = null, raw_size = 0
				where id = :id and direction = 'IN' and released_at is null
				""")
			.param("id", id)
			.param("caseId", caseId)
			.param("commentId", commentId)
			.param("at", utc(at))
			.param("actor", actor)
			.update() == 1;
	}

	Optional<byte[]> raw(UUID id) {
		return this.jdbc.sql("select raw from case_mail_messages where id = :id and raw is not null")
			.param("id", id)
			.query(byte[].class)
			.optional();
	}

	/**
	 * The Message-IDs of a case's messages, oldest first (for References), the most
	 * recent {@code limit}.
	 */
	List<String> threadOf(UUID caseId, int limit) {
		List<String> ids = new java.util.ArrayList<>(this.jdbc.sql("""
				select message_id from case_mail_messages
				where case_id = :caseId and outcome in ('CASE_OPENED', 'THREADED', 'RELEASED', 'SENT')
				order by at desc, id desc limit :limit
				""").param("caseId", caseId).param("limit", limit).query(String.class).list());
		java.util.Collections.reverse(ids);
		return ids;
	}

	/** The customer's last message on the case, which a reply answers. */
	Optional<String> lastReceived(UUID caseId) {
		return this.jdbc.sql("""
				select message_id from case_mail_messages
				where case_id = :caseId and direction = 'IN'
				order by at desc, id desc limit 1
				""").param("caseId", caseId).query(String.class).optional();
	}

	/**
	 * The most recent messages, received and sent; only those with this outcome if given.
	 */
	List<MailboxEntry> recent(String outcome, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + FROM + (outcome == null ? "" : "where m.outcome = :outcome ")
					+ "order by m.at desc, m.id desc limit :limit")
			.param("outcome", outcome)
			.param("limit", limit)
			.query(CaseMailLog::map)
			.list();
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	private static MailboxEntry map(ResultSet rs, int row) throws SQLException {
		long number = rs.getLong("case_number");
		Long caseNumber = rs.wasNull() ? null : number;
		return new MailboxEntry(rs.getObject("id", UUID.class), rs.getString("message_id"), rs.getString("direction"),
				rs.getObject("case_id", UUID.class), caseNumber, rs.getObject("comment_id", UUID.class),
				rs.getString("from_address"), rs.getString("from_name"), rs.getString("to_address"),
				rs.getString("subject"), instant(rs, "at"), rs.getString("outcome"), rs.getString("detail"),
				MailSource.valueOf(rs.getString("source")), rs.getLong("raw_size"), instant(rs, "released_at"),
				rs.getObject("released_by", UUID.class), rs.getBoolean("has_raw"));
	}

}
