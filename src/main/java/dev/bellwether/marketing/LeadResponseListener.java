package dev.bellwether.marketing;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.RecordTouched;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Work logged on a lead in another module (an activity: a call, an e-mail, a meeting, a
 * task) keeps it fresh, as for accounts and deals: its last touch only ever moves
 * forward, and its version is left alone so an open edit form does not go stale. The
 * first such work is the lead's first activity (speed to lead): set once, never moved,
 * and never before the lead's creation (an activity dated earlier counts from then). Work
 * an integration account records is no touch and no response: only people's work counts.
 */
@Component
class LeadResponseListener {

	private final JdbcClient jdbc;

	private final UserDirectory users;

	LeadResponseListener(JdbcClient jdbc, UserDirectory users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	@ApplicationModuleListener
	void on(RecordTouched event) {
		touch(event);
	}

	/**
	 * @return whether the lead's last touch or first activity moved
	 */
	boolean touch(RecordTouched event) {
		if (!Leads.RECORD_TYPE.equals(event.recordType()) || event.at() == null || event.recordId() == null
				|| !this.users.touchesRecords(event.actorId())) {
			return false;
		}
		int touched = this.jdbc.sql("""
				update leads set last_touched_at = :at, last_touched_by = :actor
				where id = :id and last_touched_at < :at
				""")
			.param("at", utc(event.at()))
			.param("actor", event.actorId())
			.param("id", event.recordId())
			.update();
		int first = this.jdbc.sql("""
				update leads set first_activity_at = greatest(:at, created_at), first_activity_by = :actor
				where id = :id and first_activity_at is null
				""")
			.param("at", utc(event.at()))
			.param("actor", event.actorId())
			.param("id", event.recordId())
			.update();
		return touched + first > 0;
	}

}
