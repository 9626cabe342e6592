package dev.bellwether.activities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.AccountsMerged;
import dev.bellwether.customers.ContactsMerged;
import dev.bellwether.customers.MergeMove;
import dev.bellwether.customers.MergeUndone;
import dev.bellwether.customers.MergedRecordsKept;
import dev.bellwether.customers.MergedRecordsMoved;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.SqlArrays;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

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

	ActivityMerges(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	@Transactional
	void on(AccountsMerged event) {
		List<MergeMove> moves = move("account_id", "accountId", event.loserId(), event.survivorId(), event.actorId(),
				event.at());
		this.events.publishEvent(new MergedRecordsMoved(event.mergeId(), moves));
	}

	@EventListener
	@Transactional
	void on(ContactsMerged event) {
		List<MergeMove> moves = new ArrayList<>(
				move("contact_id", "contactId", event.loserId(), event.survivorId(), event.actorId(), event.at()));
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
		String column = account ? "account_id" : "contact_id";
		String field = account ? "accountId" : "contactId";
		List<MergeMove> kept = new ArrayList<>();
		List<MergeMove> moves = event.movesOf(Activities.RECORD_TYPE);
		if (!moves.isEmpty()) {
			// column is one of two constants, never input
			Set<UUID> back = Set.copyOf(this.jdbc
				.sql("""
						update activities t set %1$s = :loser, updated_at = :at, updated_by = :actor, version = t.version + 1
						from unnest(cast(:ids as uuid[]), cast(:versions as bigint[])) as m(id, version)
						where t.id = m.id and t.version = m.version and t.deleted_at is null and t.%1$s = :survivor
						returning t.id
						"""
					.formatted(column))
				.param("ids", SqlArrays.of(moves.stream().map(MergeMove::recordId).toList()))
				.param("versions", SqlArrays.of(moves.stream().map(MergeMove::versionAfter).toList()))
				.param("loser", event.loserId())
				.param("survivor", event.survivorId())
				.param("at", utc(event.at()))
				.param("actor", event.actorId())
				.query(UUID.class)
				.list());
			publish(back.stream().toList(), field, event.survivorId(), event.loserId(), event.actorId(), event.at());
			moves.stream().filter(move -> !back.contains(move.recordId())).forEach(kept::add);
		}
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

	private List<MergeMove> move(String column, String field, UUID loserId, UUID survivorId, UUID actorId, Instant at) {
		// column is one of two constants, never input
		List<MergeMove> moves = this.jdbc.sql("""
				update activities set %1$s = :survivor, updated_at = :at, updated_by = :actor, version = version + 1
				where %1$s = :loser and deleted_at is null returning id, version
				""".formatted(column))
			.param("survivor", survivorId)
			.param("loser", loserId)
			.param("at", utc(at))
			.param("actor", actorId)
			.query((rs, n) -> new MergeMove(Activities.RECORD_TYPE, rs.getObject("id", UUID.class), field,
					rs.getLong("version")))
			.list();
		publish(moves.stream().map(MergeMove::recordId).toList(), field, loserId, survivorId, actorId, at);
		return moves;
	}

	private void publish(List<UUID> activities, String field, UUID from, UUID to, UUID actorId, Instant at) {
		activities.forEach(id -> this.events.publishEvent(new RecordChanged(Activities.RECORD_TYPE, id,
				ChangeKind.UPDATED, actorId, at, List.of(new FieldChange(field, from.toString(), to.toString())))));
	}

}
