package dev.bellwether.sales;

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
 * Deals follow a renamed lead source or loss reason: they store the label, so the old
 * label is replaced (the rename itself is in the pick list's change log). Each deal
 * changed gets a new version, changed by the administrator who renamed, so that a save
 * from a form opened before is a 409 naming the rename instead of a silent overwrite, and
 * one field-history row (old label → new, by the administrator, when renamed).
 */
@Component
class DealPickListRenames {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	DealPickListRenames(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(PickListValueRenamed renamed) {
		String field = switch (renamed.list()) {
			case "lead-source" -> "leadSource";
			case "loss-reason" -> "lossReason";
			default -> null;
		};
		if (field != null) {
			String column = field.equals("leadSource") ? "lead_source" : "loss_reason";
			List<UUID> changed = this.jdbc
				.sql("update opportunities set " + column
						+ " = :newLabel, version = version + 1, updated_at = :at, updated_by = :actor where " + column
						+ " = :oldLabel returning id")
				.param("newLabel", renamed.newLabel())
				.param("oldLabel", renamed.oldLabel())
				.param("at", SqlValues.utc(renamed.at()))
				.param("actor", renamed.actorId())
				.query(UUID.class)
				.list();
			// their field history, in this transaction
			this.events.publishEvent(new FieldValueReplaced(Opportunities.RECORD_TYPE, field, renamed.oldLabel(),
					renamed.newLabel(), changed, renamed.actorId(), renamed.at()));
		}
	}

}
