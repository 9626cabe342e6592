package dev.bellwether.sales;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.AccessPolicy;
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see and change opportunities, for this module and for the modules whose records
 * hang off a deal (its activities, its timeline): the owner, everyone above the owner in
 * the manager chain, and — to read — executives, sales administrators and administrators;
 * to change — sales administrators and administrators.
 */
@Service
@Transactional(readOnly = true)
public class OpportunityAccess {

	public static final String RECORD_TYPE = "opportunity";

	public static final AccessPolicy ACCESS = AccessPolicy.ownerChainRecord(RECORD_TYPE,
			Set.of(Role.EXECUTIVE, Role.SALES_ADMIN, Role.ADMIN), Set.of(Role.SALES_ADMIN, Role.ADMIN));

	private final JdbcClient jdbc;

	private final RecordVisibility visibility;

	private final OrgChart orgChart;

	OpportunityAccess(JdbcClient jdbc, RecordVisibility visibility, OrgChart orgChart) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.orgChart = orgChart;
	}

	/**
	 * @throws RecordNotFoundException when the deal does not exist, is in the recycle
	 * bin, or the viewer may not see it (not told apart)
	 */
	public void requireRead(Viewer viewer, UUID opportunityId) {
		this.visibility.requireRead(viewer, ACCESS, opportunityId, ownerOf(opportunityId));
	}

	/**
	 * @throws RecordNotFoundException when the viewer may not even see the deal
	 * @throws dev.bellwether.platform.ForbiddenException when they may see but not change
	 * it
	 */
	public void requireEdit(Viewer viewer, UUID opportunityId) {
		UUID ownerId = ownerOf(opportunityId);
		this.visibility.requireRead(viewer, ACCESS, opportunityId, ownerId);
		this.visibility.requireEdit(viewer, ACCESS, ownerId);
	}

	public boolean canRead(Viewer viewer, UUID ownerId) {
		return this.visibility.canRead(viewer, ACCESS, ownerId);
	}

	public boolean canEdit(Viewer viewer, UUID ownerId) {
		return this.visibility.canEdit(viewer, ACCESS, ownerId);
	}

	/**
	 * A SQL predicate over a column holding the owner of opportunities (for queries on
	 * the {@code opportunities} table itself).
	 */
	public SqlFilter readFilter(Viewer viewer, String ownerColumn) {
		return this.visibility.readFilter(viewer, ACCESS, ownerColumn);
	}

	/**
	 * {@link #readFilter(Viewer, String)} narrowed by the filters people put on deals, as
	 * one list of owners.
	 * @param ownerId only this owner's deals, or {@code null}
	 * @param teamOf only the deals of this manager's organisation (the manager and
	 * everyone below), or {@code null}
	 */
	public SqlFilter readFilter(Viewer viewer, String ownerColumn, UUID ownerId, UUID teamOf) {
		if (ownerId == null && teamOf == null) {
			return readFilter(viewer, ownerColumn);
		}
		Set<UUID> owners = new LinkedHashSet<>(teamOf == null ? Set.of(ownerId) : this.orgChart.organisationOf(teamOf));
		if (ownerId != null) {
			owners.retainAll(Set.of(ownerId));
		}
		return this.visibility.readFilter(viewer, ACCESS, ownerColumn, owners);
	}

	/**
	 * {@link #readFilter(Viewer, String)} narrowed to some owners (those the viewer may
	 * see of them).
	 */
	SqlFilter readFilter(Viewer viewer, String ownerColumn, Collection<UUID> owners) {
		return this.visibility.readFilter(viewer, ACCESS, ownerColumn, owners);
	}

	/**
	 * A SQL predicate over a column holding an opportunity id (possibly null), for other
	 * modules' records that hang off a deal: true when the column is null or names a deal
	 * the viewer may see.
	 */
	public SqlFilter readFilterByOpportunityId(Viewer viewer, String opportunityIdColumn) {
		SqlFilter owners = this.visibility.readFilter(viewer, ACCESS, "o.owner_id");
		if (owners.sql().equals(SqlFilter.none().sql())) {
			return SqlFilter.none();
		}
		// a correlated look-up of each row's deal by primary key: a manager high up the
		// chain
		// may see hundreds of thousands of deals, which an "in (select ...)" would
		// collect first
		return new SqlFilter(
				"(" + opportunityIdColumn + " is null or exists (select 1 from opportunities o where o.id = "
						+ opportunityIdColumn + " and " + owners.sql() + "))",
				Map.copyOf(owners.parameters()));
	}

	private UUID ownerOf(UUID opportunityId) {
		return this.jdbc.sql("select owner_id from opportunities where id = :id and deleted_at is null")
			.param("id", opportunityId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, opportunityId));
	}

}
