package dev.bellwether.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contacts;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordTouched;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Keeps deals in step with the records they hang off: an account's deals go to the
 * recycle bin with it, come back with it and are purged with it (synchronously, joining
 * the account's transaction, so the bin is never half-emptied); a purged contact is no
 * longer anyone's primary contact; and work logged on a deal elsewhere counts as touching
 * it.
 */
@Component
class OpportunityListeners {

	private final JdbcClient jdbc;

	private final Opportunities opportunities;

	private final ApplicationEventPublisher events;

	OpportunityListeners(JdbcClient jdbc, Opportunities opportunities, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.opportunities = opportunities;
		this.events = events;
	}

	@EventListener
	@Transactional
	void on(RecordChanged event) {
		if (Accounts.RECORD_TYPE.equals(event.recordType())) {
			switch (event.kind()) {
				case DELETED -> accountDeleted(event);
				case RESTORED -> accountRestored(event);
				case PURGED -> accountPurged(event);
				default -> {
				}
			}
		}
		else if (Contacts.RECORD_TYPE.equals(event.recordType()) && event.kind() == ChangeKind.PURGED) {
			this.jdbc.sql("""
					update opportunities set primary_contact_id = null, version = version + 1
					where primary_contact_id = :id
					""").param("id", event.recordId()).update();
		}
	}

	@ApplicationModuleListener
	void on(RecordTouched event) {
		if (OpportunityAccess.RECORD_TYPE.equals(event.recordType())) {
			this.opportunities.touch(event.recordId(), event.actorId(), event.at());
		}
	}

	private void accountDeleted(RecordChanged event) {
		List<UUID> deals = this.jdbc.sql("""
				update opportunities set deleted_at = :at, deleted_by = :actor, deleted_with = :account,
				  version = version + 1
				where account_id = :account and deleted_at is null returning id
				""")
			.param("at", utc(event.at()))
			.param("actor", event.actorId())
			.param("account", event.recordId())
			.query(UUID.class)
			.list();
		publish(deals, ChangeKind.DELETED, event.actorId(), event.at());
	}

	private void accountRestored(RecordChanged event) {
		List<UUID> deals = this.jdbc.sql("""
				update opportunities set deleted_at = null, deleted_by = null, deleted_with = null, updated_at = :at,
				  updated_by = :actor, version = version + 1
				where deleted_with = :account returning id
				""")
			.param("at", utc(event.at()))
			.param("actor", event.actorId())
			.param("account", event.recordId())
			.query(UUID.class)
			.list();
		publish(deals, ChangeKind.RESTORED, event.actorId(), event.at());
	}

	/**
	 * A deal can't outlive its account: those deleted with it and those deleted on their
	 * own before go for good.
	 */
	private void accountPurged(RecordChanged event) {
		List<UUID> deals = this.jdbc.sql("delete from opportunities where account_id = :account returning id")
			.param("account", event.recordId())
			.query(UUID.class)
			.list();
		publish(deals, ChangeKind.PURGED, event.actorId(), event.at());
	}

	private void publish(List<UUID> deals, ChangeKind kind, UUID actorId, Instant at) {
		deals.forEach(id -> this.events
			.publishEvent(new RecordChanged(OpportunityAccess.RECORD_TYPE, id, kind, actorId, at, List.of())));
	}

}
