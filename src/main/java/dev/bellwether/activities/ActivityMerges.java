package dev.bellwether.activities;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.customers.AccountsMerged;
import dev.bellwether.customers.ContactsMerged;
import dev.bellwether.customers.MergeMove;
import dev.bellwether.customers.MergeUndone;
import dev.bellwether.customers.MergedRecordsKept;
import dev.bellwether.customers.MergedRecordsMoved;
import dev.bellwether.customers.MergedReferences;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities follow a merge of their account or contact to the record that survives (a
 * merged contact's place among a meeting's attendees too), and go back when the merge is
 * undone unless they changed since: synchronously, in the merge's transaction. What moved
 * is reported back to customers, which keeps it for the undo.
 */
@Component
class ActivityMerges {

	/** An attendee row has no version of its own: its field names its position. */
	static final String ATTENDEE = "activity_attendee";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final MergedReferences references;

	ActivityMerges(JdbcClient jdbc, ApplicationEventPublisher events, MergedReferences references) {
		this.jdbc = jdbc;
		this.events = events;
		this.references = references;
	}

	@EventListener
	@Transactional
	void on(AccountsMerged event) {
		this.events.publishEvent(new MergedRecordsMoved(event.mergeId(),
				this.references.move(Activities.RECORD_TYPE, "accountId",
						this.jdbc.sql(MergedReferences.MOVE.formatted("activities", "account_id")), event.loserId(),
						event.survivorId(), event.actorId(), event.at())));
	}

	@EventListener
	@Transactional
	void on(ContactsMerged event) {
		List<MergeMove> moves = new ArrayList<>(this.references.move(Activities.RECORD_TYPE, "contactId",
				this.jdbc.sql(MergedReferences.MOVE.formatted("activities", "contact_id")), event.loserId(),
				event.survivorId(), event.actorId(), event.at()));
		moves.addAll(this.jdbc.sql("""
				update activity_attendees set contact_id = :survivor where contact_id = :loser
				returning activity_id, position
				""")
			.param("survivor", event.survivorId())
			.param("loser", event.loserId())
			.query((rs, n) -> new MergeMove(ATTENDEE, rs.getObject("activity_id", UUID.class),
					"contactId@" + rs.getInt("position"), 0))
			.list());
		this.events.publishEvent(new MergedRecordsMoved(event.mergeId(), moves));
	}

	@EventListener
	@Transactional
	void on(MergeUndone event) {
		boolean account = "account".equals(event.recordType());
		List<MergeMove> kept = new ArrayList<>(
				this.references.moveBack(Activities.RECORD_TYPE, account ? "accountId" : "contactId",
						this.jdbc.sql(MergedReferences.MOVE_BACK.formatted("activities",
								account ? "account_id" : "contact_id")),
						event.movesOf(Activities.RECORD_TYPE), event.loserId(), event.survivorId(), event.actorId(),
						event.at()));
		for (MergeMove attendee : event.movesOf(ATTENDEE)) {
			int position = Integer.parseInt(attendee.field().substring(attendee.field().indexOf('@') + 1));
			int updated = this.jdbc.sql("""
					update activity_attendees set contact_id = :loser
					where activity_id = :activity and position = :position and contact_id = :survivor
					""")
				.param("loser", event.loserId())
				.param("survivor", event.survivorId())
				.param("activity", attendee.recordId())
				.param("position", position)
				.update();
			if (updated == 0) {
				kept.add(attendee);
			}
		}
		this.events.publishEvent(new MergedRecordsKept(event.mergeId(), kept));
	}

}
