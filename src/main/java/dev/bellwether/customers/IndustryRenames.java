package dev.bellwether.customers;

import dev.bellwether.platform.SqlValues;
import dev.bellwether.platform.picklist.PickListValueRenamed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Accounts follow a renamed industry: they store the label, so the old label is replaced
 * (the rename itself is in the pick list's change log). Each account changed gets a new
 * version, changed by the administrator who renamed: someone saving an account they
 * opened before is answered with a 409 naming the rename, rather than writing the old
 * label back over it. Countries store the code and need nothing.
 */
@Component
class IndustryRenames {

	private final JdbcClient jdbc;

	IndustryRenames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(PickListValueRenamed renamed) {
		if ("industry".equals(renamed.list())) {
			this.jdbc
				.sql("""
						update accounts set industry = :newLabel, version = version + 1, updated_at = :at, updated_by = :actor
						where industry = :oldLabel
						""")
				.param("newLabel", renamed.newLabel())
				.param("oldLabel", renamed.oldLabel())
				.param("at", SqlValues.utc(renamed.at()))
				.param("actor", renamed.actorId())
				.update();
		}
	}

}
