package dev.bellwether.marketing;

import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leads' visibility for records that hang off a lead (activities): who may read and
 * change a lead, by its id, following {@link Leads#ACCESS}.
 */
@Component
public class LeadAccess {

	public static final String RECORD_TYPE = Leads.RECORD_TYPE;

	private final JdbcClient jdbc;

	private final RecordVisibility visibility;

	LeadAccess(JdbcClient jdbc, RecordVisibility visibility) {
		this.jdbc = jdbc;
		this.visibility = visibility;
	}

	/**
	 * @throws RecordNotFoundException when the lead doesn't exist, is in the recycle bin
	 * or the viewer may not read it (not told apart)
	 */
	public void requireRead(Viewer viewer, UUID leadId) {
		this.visibility.requireRead(viewer, Leads.ACCESS, leadId, ownerOf(leadId));
	}

	/**
	 * @return whether the viewer may change the lead (false when it doesn't exist)
	 */
	public boolean canEdit(Viewer viewer, UUID leadId) {
		try {
			UUID owner = ownerOf(leadId);
			return this.visibility.canEdit(viewer, Leads.ACCESS, owner);
		}
		catch (RecordNotFoundException ex) {
			return false;
		}
	}

	/**
	 * A predicate on another module's rows that keeps those on no lead or on a lead the
	 * viewer may read: each row's lead looked up by primary key.
	 * @param leadIdColumn the column holding the lead's id, e.g. {@code x.lead_id}
	 */
	public SqlFilter readFilterByLeadId(Viewer viewer, String leadIdColumn) {
		SqlFilter owners = this.visibility.readFilter(viewer, Leads.ACCESS, "l.owner_id");
		if (owners.sql().equals(SqlFilter.none().sql())) {
			return SqlFilter.none();
		}
		return new SqlFilter("(" + leadIdColumn + " is null or exists (select 1 from leads l where l.id = "
				+ leadIdColumn + " and l.deleted_at is null and " + owners.sql() + "))",
				Map.copyOf(owners.parameters()));
	}

	private UUID ownerOf(UUID leadId) {
		return this.jdbc.sql("select owner_id from leads where id = :id and deleted_at is null")
			.param("id", leadId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, leadId));
	}

}
