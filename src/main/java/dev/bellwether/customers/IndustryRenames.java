package dev.bellwether.customers;

import dev.bellwether.platform.picklist.PickListValueRenamed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Accounts follow a renamed industry: they store the label, so the old label is replaced
 * (the rename itself is in the pick list's change log; the accounts' versions stay, as
 * their industry is the same value under a new name). Countries store the code and need
 * nothing.
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
			this.jdbc.sql("update accounts set industry = :newLabel where industry = :oldLabel")
				.param("newLabel", renamed.newLabel())
				.param("oldLabel", renamed.oldLabel())
				.update();
		}
	}

}
