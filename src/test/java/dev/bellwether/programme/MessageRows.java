package dev.bellwether.programme;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

import dev.bellwether.platform.SqlArrays;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Programme messages as tests write and remove them by hand: a delivery at a moment of
 * the test's choosing (the delivery job delivers to a whole audience, on its own day),
 * and the removal of a test's messages with their deliveries (programme state is shared
 * by every test class of a run).
 */
public final class MessageRows {

	/** When a delivery not delivered yet was written. */
	private static final OffsetDateTime WRITTEN = OffsetDateTime.parse("2024-01-15T00:00:00Z");

	private MessageRows() {
	}

	/**
	 * A delivery of the message to the user, sent by {@code senderId} (may be null); when
	 * delivered ({@code at} not null), the message is marked released then.
	 * @param status DELIVERED, WAITING or FAILED
	 */
	public static void deliver(JdbcClient jdbc, UUID message, UUID userId, UUID senderId, boolean inApp, String status,
			OffsetDateTime at) {
		if (at != null) {
			jdbc.sql("update programme_messages set released_at = :at where id = :m")
				.param("at", at)
				.param("m", message)
				.update();
		}
		jdbc.sql("""
				insert into programme_message_deliveries (id, message_id, user_id, recipient_id, sender_id, in_app,
				  status, delivered_at, delivered_on, created_at)
				values (:id, :m, :u, :u, :sender, :inApp, :status, :at, :on, :created)
				""")
			.param("id", UUID.randomUUID())
			.param("m", message)
			.param("u", userId)
			.param("sender", senderId)
			.param("inApp", inApp)
			.param("status", status)
			.param("at", at)
			.param("on", (at != null) ? at.toLocalDate() : null)
			.param("created", (at != null) ? at : WRITTEN)
			.update();
	}

	/**
	 * Removes the messages and their deliveries.
	 */
	public static void delete(JdbcClient jdbc, Collection<UUID> messages) {
		jdbc.sql("delete from programme_message_deliveries where message_id = any (cast(:ids as uuid[]))")
			.param("ids", SqlArrays.of(messages))
			.update();
		jdbc.sql("delete from programme_messages where id = any (cast(:ids as uuid[]))")
			.param("ids", SqlArrays.of(messages))
			.update();
	}

}
