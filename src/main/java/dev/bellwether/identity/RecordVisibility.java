package dev.bellwether.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.stereotype.Service;

/**
 * The one place that decides who may read or change a business record, given the record
 * type's {@link AccessPolicy}. Record pages and API calls ask
 * {@link #requireRead}/{@link #requireEdit}; lists, search, exports and reports add
 * {@link #readFilter} to their SQL so that hidden records are never loaded at all.
 */
@Service
public class RecordVisibility {

	private static final AtomicInteger PARAMETER_SEQUENCE = new AtomicInteger();

	private final OrgChart orgChart;

	RecordVisibility(OrgChart orgChart) {
		this.orgChart = orgChart;
	}

	public boolean canRead(Viewer viewer, AccessPolicy policy, UUID ownerId) {
		return policy.readableByAllUsers() || policy.readsAll().contains(viewer.role())
				|| isOwnerOrAbove(viewer, ownerId);
	}

	public boolean canEdit(Viewer viewer, AccessPolicy policy, UUID ownerId) {
		return policy.editsAll().contains(viewer.role()) || isOwnerOrAbove(viewer, ownerId);
	}

	/**
	 * @throws RecordNotFoundException when the viewer may not see the record (not told
	 * apart from a record that does not exist)
	 */
	public void requireRead(Viewer viewer, AccessPolicy policy, UUID recordId, UUID ownerId) {
		if (!canRead(viewer, policy, ownerId)) {
			throw new RecordNotFoundException(policy.recordType(), recordId);
		}
	}

	/**
	 * @throws ForbiddenException when the viewer may see but not change the record
	 */
	public void requireEdit(Viewer viewer, AccessPolicy policy, UUID ownerId) {
		if (!canEdit(viewer, policy, ownerId)) {
			throw new ForbiddenException("You can't change this " + policy.recordType()
					+ ": only its owner, the owner's managers and " + rolesText(policy) + " can.");
		}
	}

	/**
	 * A SQL predicate, over the column holding the record's owner, that keeps only the
	 * records the viewer may read.
	 */
	public SqlFilter readFilter(Viewer viewer, AccessPolicy policy, String ownerColumn) {
		if (policy.readableByAllUsers() || policy.readsAll().contains(viewer.role())) {
			return SqlFilter.none();
		}
		return ownerChainFilter(viewer, ownerColumn);
	}

	/**
	 * {@link #readFilter(Viewer, AccessPolicy, String)} for records of some owners only
	 * (a team, one person): one list of owners, those of the given the viewer may read.
	 * Two lists of the same owners (the viewer's organisation and the team) are estimated
	 * by PostgreSQL as independent, hence at a tiny fraction of the rows they select.
	 */
	public SqlFilter readFilter(Viewer viewer, AccessPolicy policy, String ownerColumn, Collection<UUID> owners) {
		Set<UUID> readable = new LinkedHashSet<>(owners);
		if (!policy.readableByAllUsers() && !policy.readsAll().contains(viewer.role())) {
			readable.retainAll(this.orgChart.organisationOf(viewer.id()));
		}
		if (readable.isEmpty()) {
			return new SqlFilter("false", Map.of());
		}
		String parameter = "visibilityOwners" + PARAMETER_SEQUENCE.incrementAndGet();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(parameter, List.copyOf(readable));
		return new SqlFilter(ownerColumn + " in (:" + parameter + ")", parameters);
	}

	/**
	 * A SQL predicate that keeps only the records the viewer may change.
	 */
	public SqlFilter editFilter(Viewer viewer, AccessPolicy policy, String ownerColumn) {
		if (policy.editsAll().contains(viewer.role())) {
			return SqlFilter.none();
		}
		return ownerChainFilter(viewer, ownerColumn);
	}

	/**
	 * The viewer's organisation is resolved here, once, and passed as a list of owner
	 * ids: PostgreSQL then knows how many owners it is looking for (1 for a rep, a few
	 * dozen for a manager) and picks an index on the owner column, where a recursive
	 * sub-query in the predicate is estimated at hundreds of rows whatever it holds and
	 * sends the planner to scan and filter far more of the table (see
	 * docs/benchmarks.md).
	 */
	private SqlFilter ownerChainFilter(Viewer viewer, String ownerColumn) {
		String parameter = "visibilityOwners" + PARAMETER_SEQUENCE.incrementAndGet();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(parameter, List.copyOf(this.orgChart.organisationOf(viewer.id())));
		return new SqlFilter(ownerColumn + " in (:" + parameter + ")", parameters);
	}

	private boolean isOwnerOrAbove(Viewer viewer, UUID ownerId) {
		return viewer.id().equals(ownerId) || (ownerId != null && this.orgChart.isAbove(viewer.id(), ownerId));
	}

	private static String rolesText(AccessPolicy policy) {
		return policy.editsAll()
			.stream()
			.sorted()
			.map(role -> role.label().toLowerCase() + "s")
			.reduce((a, b) -> a + " and " + b)
			.orElse("nobody else");
	}

}
