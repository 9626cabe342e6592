package dev.bellwether.customers;

import java.util.List;
import java.util.UUID;

import dev.bellwether.platform.FieldValueReplaced;
import dev.bellwether.platform.SqlValues;
import dev.bellwether.platform.picklist.PickListValueRenamed;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Accounts follow a renamed industry: they store the label, so the old label is replaced
 * (the rename itself is in the pick list's change log). Each account changed gets a new
 * version, changed by the administrator who renamed: someone saving an account they
 * opened before is answered with a 409 naming the rename, rather than writing the old
 * label back over it, and one field-history row (old label → new, by the administrator,
 * when renamed). Countries store the code and need nothing.
 */
@Component
class IndustryRenames {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	IndustryRenames(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(PickListValueRenamed renamed) {
		if ("industry".equals(renamed.list())) {
			List<UUID> changed = this.jdbc
				.sql("""
						update accounts set industry = :newLabel, version = version + 1, updated_at = :at, updated_by = :actor
						where industry = :oldLabel
						returning id
						""")
				.param("newLabel", renamed.newLabel())
				.param("oldLabel", renamed.oldLabel())
				.param("at", SqlValues.utc(renamed.at()))
				.param("actor", renamed.actorId())
				.query(UUID.class)
				.list();
			// their field history, in this transaction
			this.events.publishEvent(new FieldValueReplaced(Accounts.RECORD_TYPE, "industry", renamed.oldLabel(),
					renamed.newLabel(), changed, renamed.actorId(), renamed.at()));
		}
	}

}
