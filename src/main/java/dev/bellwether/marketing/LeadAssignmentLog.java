package dev.bellwether.marketing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Every owner a lead was given (table {@code lead_assignments}), and the note the new
 * owner gets in their notification centre when someone else — or a rule — gave them the
 * lead. (The owner change itself is also in the lead's field history, through
 * {@link dev.bellwether.platform.RecordChanged}.)
 */
@Component
class LeadAssignmentLog {

	/** The notification kind for a lead given to someone. */
	static final String NOTIFICATION_KIND = "LEAD_ASSIGNED";

	private final JdbcClient jdbc;

	private final Notifications notifications;

	LeadAssignmentLog(JdbcClient jdbc, Notifications notifications) {
		this.jdbc = jdbc;
		this.notifications = notifications;
	}

	/**
	 * Logs the lead's new owner and tells them, unless they gave it to themself.
	 * @param rule the rule that chose the owner, or {@code null} for a person's choice
	 */
	void record(UUID leadId, String leadName, RuleAssignment rule, UUID fromOwnerId, UUID toOwnerId, UUID actorId,
			Instant at) {
		this.jdbc.sql("""
				insert into lead_assignments (id, lead_id, rule_id, rule_name, from_owner_id, to_owner_id, how,
				  assigned_at, assigned_by)
				values (:id, :leadId, :ruleId, :ruleName, :from, :to, :how, :at, :actor)
				""")
			.param("id", Ids.newId())
			.param("leadId", leadId)
			.param("ruleId", (rule != null) ? rule.ruleId() : null)
			.param("ruleName", (rule != null) ? rule.ruleName() : null)
			.param("from", fromOwnerId)
			.param("to", toOwnerId)
			.param("how", (rule != null) ? LeadAssignmentMethod.RULE.name() : LeadAssignmentMethod.MANUAL.name())
			.param("at", utc(at))
			.param("actor", actorId)
			.update();
		if (!toOwnerId.equals(actorId)) {
			String how = (rule != null) ? "Assigned to you by the rule '" + rule.ruleName() + "'."
					: (actorId == null) ? "It came in through a web form you own." : "Assigned to you by a colleague.";
			this.notifications.send(toOwnerId, NOTIFICATION_KIND, "Lead " + leadName + " is yours now", how,
					"/leads/" + leadId);
		}
	}

	/**
	 * @return the lead's assignments, newest first
	 */
	List<LeadAssignmentEntry> of(UUID leadId) {
		return this.jdbc
			.sql("select * from lead_assignments where lead_id = :leadId order by assigned_at desc, id desc")
			.param("leadId", leadId)
			.query((rs, n) -> new LeadAssignmentEntry(rs.getObject("id", UUID.class),
					rs.getObject("lead_id", UUID.class), rs.getObject("rule_id", UUID.class), rs.getString("rule_name"),
					rs.getObject("from_owner_id", UUID.class), rs.getObject("to_owner_id", UUID.class),
					LeadAssignmentMethod.valueOf(rs.getString("how")), instant(rs, "assigned_at"),
					rs.getObject("assigned_by", UUID.class)))
			.list();
	}

}
