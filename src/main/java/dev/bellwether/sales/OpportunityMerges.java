package dev.bellwether.sales;

import java.time.Instant;
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
 * Deals follow a merge of their account or primary contact to the record that survives,
 * and go back when the merge is undone unless they changed since: synchronously, in the
 * merge's transaction, so a merge never leaves deals behind on a record in the recycle
 * bin. What moved is reported back to customers, which keeps it for the undo.
 */
@Component
class OpportunityMerges {

	private static final String ACCOUNT = "accountId";

	private static final String PRIMARY_CONTACT = "primaryContactId";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	OpportunityMerges(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	@Transactional
	void on(AccountsMerged event) {
		move(event.mergeId(), ACCOUNT, """
				update opportunities set account_id = :survivor, updated_at = :at, updated_by = :actor,
				  version = version + 1
				where account_id = :loser and deleted_at is null returning id, version
				""", event.loserId(), event.survivorId(), event.actorId(), event.at());
	}

	@EventListener
	@Transactional
	void on(ContactsMerged event) {
		move(event.mergeId(), PRIMARY_CONTACT, """
				update opportunities set primary_contact_id = :survivor, updated_at = :at, updated_by = :actor,
				  version = version + 1
				where primary_contact_id = :loser and deleted_at is null returning id, version
				""", event.loserId(), event.survivorId(), event.actorId(), event.at());
	}

	@EventListener
	@Transactional
	void on(MergeUndone event) {
		List<MergeMove> moves = event.movesOf(OpportunityAccess.RECORD_TYPE);
		if (moves.isEmpty()) {
			return;
		}
		String column = "account".equals(event.recordType()) ? "account_id" : "primary_contact_id";
		String field = "account".equals(event.recordType()) ? ACCOUNT : PRIMARY_CONTACT;
		// column is one of two constants, never input
		Set<UUID> back = Set.copyOf(this.jdbc.sql("""
				update opportunities o set %1$s = :loser, updated_at = :at, updated_by = :actor, version = o.version + 1
				from unnest(cast(:ids as uuid[]), cast(:versions as bigint[])) as m(id, version)
				where o.id = m.id and o.version = m.version and o.deleted_at is null and o.%1$s = :survivor
				returning o.id
				""".formatted(column))
			.param("ids", SqlArrays.of(moves.stream().map(MergeMove::recordId).toList()))
			.param("versions", SqlArrays.of(moves.stream().map(MergeMove::versionAfter).toList()))
			.param("loser", event.loserId())
			.param("survivor", event.survivorId())
			.param("at", utc(event.at()))
			.param("actor", event.actorId())
			.query(UUID.class)
			.list());
		publish(back.stream().toList(), field, event.survivorId(), event.loserId(), event.actorId(), event.at());
		this.events.publishEvent(new MergedRecordsKept(event.mergeId(),
				moves.stream().filter(move -> !back.contains(move.recordId())).toList()));
	}

	private void move(UUID mergeId, String field, String sql, UUID loserId, UUID survivorId, UUID actorId, Instant at) {
		List<MergeMove> moves = this.jdbc.sql(sql)
			.param("survivor", survivorId)
			.param("loser", loserId)
			.param("at", utc(at))
			.param("actor", actorId)
			.query((rs, n) -> new MergeMove(OpportunityAccess.RECORD_TYPE, rs.getObject("id", UUID.class), field,
					rs.getLong("version")))
			.list();
		publish(moves.stream().map(MergeMove::recordId).toList(), field, loserId, survivorId, actorId, at);
		this.events.publishEvent(new MergedRecordsMoved(mergeId, moves));
	}

	private void publish(List<UUID> deals, String field, UUID from, UUID to, UUID actorId, Instant at) {
		deals.forEach(id -> this.events.publishEvent(new RecordChanged(OpportunityAccess.RECORD_TYPE, id,
				ChangeKind.UPDATED, actorId, at, List.of(new FieldChange(field, from.toString(), to.toString())))));
	}

}
