package dev.bellwether.sales;

import dev.bellwether.platform.SqlValues;
import dev.bellwether.platform.picklist.PickListValueRenamed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Deals follow a renamed lead source or loss reason: they store the label, so the old
 * label is replaced (the rename itself is in the pick list's change log). Each deal
 * changed gets a new version, changed by the administrator who renamed, so that a save
 * from a form opened before is a 409 naming the rename instead of a silent overwrite.
 */
@Component
class DealPickListRenames {

	private final JdbcClient jdbc;

	DealPickListRenames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(PickListValueRenamed renamed) {
		String column = switch (renamed.list()) {
			case "lead-source" -> "lead_source";
			case "loss-reason" -> "loss_reason";
			default -> null;
		};
		if (column != null) {
			this.jdbc
				.sql("update opportunities set " + column
						+ " = :newLabel, version = version + 1, updated_at = :at, updated_by = :actor where " + column
						+ " = :oldLabel")
				.param("newLabel", renamed.newLabel())
				.param("oldLabel", renamed.oldLabel())
				.param("at", SqlValues.utc(renamed.at()))
				.param("actor", renamed.actorId())
				.update();
		}
	}

}
