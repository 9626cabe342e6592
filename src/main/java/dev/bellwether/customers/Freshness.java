package dev.bellwether.customers;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.RecordTouched;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Keeps accounts' and contacts' "last touched" up to date when work is recorded against
 * them in another module (a call logged, a task completed). Updates and restores set it
 * themselves. Only ever moves forward in time, so a late or re-delivered event cannot
 * make a record look staler than it is; and it leaves the version alone, so that logging
 * a call does not make someone's open edit form stale. Work an integration account
 * records (a system syncing activities) is no touch: only people's work keeps records
 * fresh.
 */
@Component
class Freshness {

	private final JdbcClient jdbc;

	private final UserDirectory users;

	Freshness(JdbcClient jdbc, UserDirectory users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	@ApplicationModuleListener
	void on(RecordTouched event) {
		touch(event);
	}

	/**
	 * @return whether the record's last touch moved
	 */
	boolean touch(RecordTouched event) {
		String table = switch (event.recordType()) {
			case Accounts.RECORD_TYPE -> "accounts";
			case Contacts.RECORD_TYPE -> "contacts";
			default -> null;
		};
		if (table == null || event.at() == null || !this.users.touchesRecords(event.actorId())) {
			return false;
		}
		return this.jdbc
			.sql("update " + table + " set last_touched_at = :at, last_touched_by = :actor "
					+ "where id = :id and last_touched_at < :at")
			.param("at", utc(event.at()))
			.param("actor", event.actorId())
			.param("id", event.recordId())
			.update() > 0;
	}

}
