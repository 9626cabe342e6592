package dev.bellwether.marketing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.FieldValueReplaced;
import dev.bellwether.platform.picklist.PickListValueRenamed;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Leads store the label of their source and disqualify reason, so they follow a rename of
 * either: a new version (a form opened before the rename gets a 409 naming it rather than
 * overwriting it) and one field-history row per lead, by the administrator who renamed.
 */
@Component
class LeadPickListRenames {

	/** Each pick list leads store a label of: the field, and its column. */
	private static final Map<String, List<String>> FIELDS = Map.of(Leads.SOURCES, List.of("source", "source"),
			Leads.DISQUALIFY_REASONS, List.of("disqualifyReason", "disqualify_reason"));

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	LeadPickListRenames(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(PickListValueRenamed renamed) {
		List<String> field = FIELDS.get(renamed.list());
		if (field == null) {
			return;
		}
		String column = field.get(1);
		List<UUID> leads = this.jdbc
			.sql("update leads set " + column + " = :to, updated_at = :at, updated_by = :by, "
					+ "version = version + 1 where " + column + " = :from returning id")
			.param("to", renamed.newLabel())
			.param("from", renamed.oldLabel())
			.param("at", utc(renamed.at()))
			.param("by", renamed.actorId())
			.query(UUID.class)
			.list();
		this.events.publishEvent(new FieldValueReplaced(Leads.RECORD_TYPE, field.get(0), renamed.oldLabel(),
				renamed.newLabel(), leads, renamed.actorId(), renamed.at()));
	}

}
