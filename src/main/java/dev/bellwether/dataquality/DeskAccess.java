package dev.bellwether.dataquality;

import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;

import org.springframework.stereotype.Component;

/**
 * Who sees which part of the desk: sales administrators and administrators see and work
 * on everyone's records, executives see everyone's scores, managers see and work on the
 * records of their organisation (themselves and everyone below them); nobody else.
 */
@Component
class DeskAccess {

	private static final Set<Role> WHOLE_COMPANY = Set.of(Role.ADMIN, Role.SALES_ADMIN);

	private final OrgChart orgChart;

	DeskAccess(OrgChart orgChart) {
		this.orgChart = orgChart;
	}

	static boolean seesScores(Viewer viewer) {
		return WHOLE_COMPANY.contains(viewer.role()) || viewer.is(Role.EXECUTIVE) || viewer.is(Role.MANAGER);
	}

	static boolean worksOnQueue(Viewer viewer) {
		return WHOLE_COMPANY.contains(viewer.role()) || viewer.is(Role.MANAGER);
	}

	static boolean stewardsAll(Viewer viewer) {
		return WHOLE_COMPANY.contains(viewer.role());
	}

	/**
	 * @return the owners whose scores the viewer sees, {@code null} for everyone
	 * @throws ForbiddenException for a viewer who sees no scores
	 */
	Set<UUID> scoreOwners(Viewer viewer) {
		if (!seesScores(viewer)) {
			throw new ForbiddenException(
					"Data quality is for sales administrators, administrators, executives and managers.");
		}
		return viewer.is(Role.MANAGER) && !WHOLE_COMPANY.contains(viewer.role())
				? this.orgChart.organisationOf(viewer.id()) : null;
	}

	/**
	 * @return the owners whose issues the viewer works on, {@code null} for everyone
	 * @throws ForbiddenException for a viewer who doesn't work on the queue
	 */
	Set<UUID> queueOwners(Viewer viewer) {
		if (!worksOnQueue(viewer)) {
			throw new ForbiddenException(
					"The steward queue is worked on by sales administrators, administrators and managers.");
		}
		return stewardsAll(viewer) ? null : this.orgChart.organisationOf(viewer.id());
	}

}
