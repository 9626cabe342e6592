package dev.bellwether.activities;

import java.util.Arrays;

import dev.bellwether.platform.SqlValues;
import dev.bellwether.platform.picklist.PickListValueRenamed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Activities follow a renamed task, call or meeting type: they store the label, so the
 * old label is replaced on the activities of that kind (the rename itself is in the pick
 * list's change log). Each activity changed gets a new version, changed by the
 * administrator who renamed, so that a stale save is a 409 rather than a silent
 * overwrite.
 */
@Component
class SubTypeRenames {

	private final JdbcClient jdbc;

	SubTypeRenames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(PickListValueRenamed renamed) {
		Arrays.stream(ActivityKind.values())
			.filter(kind -> renamed.list().equals(kind.subTypeList()))
			.forEach(kind -> this.jdbc.sql("""
					update activities set sub_type = :newLabel, version = version + 1, updated_at = :at,
					    updated_by = :actor
					where kind = :kind and sub_type = :oldLabel
					""")
				.param("newLabel", renamed.newLabel())
				.param("at", SqlValues.utc(renamed.at()))
				.param("actor", renamed.actorId())
				.param("kind", kind.name())
				.param("oldLabel", renamed.oldLabel())
				.update());
	}

}
