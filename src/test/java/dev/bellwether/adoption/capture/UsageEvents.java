package dev.bellwether.adoption.capture;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.bellwether.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes hand-made raw usage events straight into {@code usage_events}, as a fixture for
 * roll-up and retention tests.
 */
final class UsageEvents {

	private final JdbcClient jdbc;

	UsageEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID user, Instant at, String kind, String module, String recordType, UUID recordId) {
		this.jdbc.sql("""
				insert into usage_events (id, user_id, occurred_at, kind, module, record_type, record_id, client)
				values (:id, :user, :at, :kind, :module, :recordType, :recordId, 'WEB')
				""")
			.param("id", Ids.newId())
			.param("user", user)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("kind", kind)
			.param("module", module)
			.param("recordType", recordType)
			.param("recordId", recordId)
			.update();
	}

	void add(UUID user, Instant at, String kind, String module) {
		add(user, at, kind, module, null, null);
	}

	long count(UUID user) {
		return this.jdbc.sql("select count(*) from usage_events where user_id = :user")
			.param("user", user)
			.query(Long.class)
			.single();
	}

}
