package dev.bellwether.sales;

import java.util.List;

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

	private final MergedReferences references;

	OpportunityMerges(JdbcClient jdbc, ApplicationEventPublisher events, MergedReferences references) {
		this.jdbc = jdbc;
		this.events = events;
		this.references = references;
	}

	@EventListener
	@Transactional
	void on(AccountsMerged event) {
		this.events.publishEvent(new MergedRecordsMoved(event.mergeId(),
				this.references.move(OpportunityAccess.RECORD_TYPE, ACCOUNT,
						this.jdbc.sql(MergedReferences.MOVE.formatted("opportunities", "account_id")), event.loserId(),
						event.survivorId(), event.actorId(), event.at())));
	}

	@EventListener
	@Transactional
	void on(ContactsMerged event) {
		this.events.publishEvent(new MergedRecordsMoved(event.mergeId(),
				this.references.move(OpportunityAccess.RECORD_TYPE, PRIMARY_CONTACT,
						this.jdbc.sql(MergedReferences.MOVE.formatted("opportunities", "primary_contact_id")),
						event.loserId(), event.survivorId(), event.actorId(), event.at())));
	}

	@EventListener
	@Transactional
	void on(MergeUndone event) {
		boolean account = "account".equals(event.recordType());
		List<MergeMove> kept = this.references.moveBack(OpportunityAccess.RECORD_TYPE,
				account ? ACCOUNT : PRIMARY_CONTACT,
				this.jdbc.sql(MergedReferences.MOVE_BACK.formatted("opportunities",
						account ? "account_id" : "primary_contact_id")),
				event.movesOf(OpportunityAccess.RECORD_TYPE), event.loserId(), event.survivorId(), event.actorId(),
				event.at());
		this.events.publishEvent(new MergedRecordsKept(event.mergeId(), kept));
	}

}
