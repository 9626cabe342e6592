package dev.bellwether.activities;

import java.util.Arrays;
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
 * Activities follow a renamed task, call or meeting type: they store the label, so the
 * old label is replaced on the activities of that kind (the rename itself is in the pick
 * list's change log). Each activity changed gets a new version, changed by the
 * administrator who renamed, so that a stale save is a 409 rather than a silent
 * overwrite, and one field-history row (old label → new, by the administrator, when
 * renamed).
 */
@Component
class SubTypeRenames {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	SubTypeRenames(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(PickListValueRenamed renamed) {
		Arrays.stream(ActivityKind.values()).filter(kind -> renamed.list().equals(kind.subTypeList())).forEach(kind -> {
			List<UUID> changed = this.jdbc.sql("""
					update activities set sub_type = :newLabel, version = version + 1, updated_at = :at,
					    updated_by = :actor
					where kind = :kind and sub_type = :oldLabel
					returning id
					""")
				.param("newLabel", renamed.newLabel())
				.param("at", SqlValues.utc(renamed.at()))
				.param("actor", renamed.actorId())
				.param("kind", kind.name())
				.param("oldLabel", renamed.oldLabel())
				.query(UUID.class)
				.list();
			// their field history, in this transaction
			this.events.publishEvent(new FieldValueReplaced(Activities.RECORD_TYPE, "subType", renamed.oldLabel(),
					renamed.newLabel(), changed, renamed.actorId(), renamed.at()));
		});
	}

}
