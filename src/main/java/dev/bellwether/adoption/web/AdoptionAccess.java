package dev.bellwether.adoption.web;

import java.util.Set;
import java.util.UUID;

import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.stereotype.Component;

/**
 * Whose adoption a viewer may look at, the same for pages and API: executives and
 * administrators everyone's; a manager their own organisation (themselves and everyone
 * below); everyone else only their own.
 */
@Component
class AdoptionAccess {

	static final Set<Role> SEE_EVERYONE = Set.of(Role.EXECUTIVE, Role.ADMIN);

	private final OrgChart orgChart;

	AdoptionAccess(OrgChart orgChart) {
		this.orgChart = orgChart;
	}

	boolean seesEveryone(Viewer viewer) {
		return SEE_EVERYONE.contains(viewer.role());
	}

	/**
	 * @throws ForbiddenException for anyone but executives and administrators
	 */
	AdoptionScope everyone(Viewer viewer) {
		if (!seesEveryone(viewer)) {
			throw new ForbiddenException(
					"The company's adoption is for executives and administrators; see your team's or your own.");
		}
		return AdoptionScope.everyone();
	}

	/**
	 * @param managerId whose organisation; {@code null} for the viewer's own
	 * @throws RecordNotFoundException when the manager is outside what the viewer may see
	 */
	AdoptionScope team(Viewer viewer, UUID managerId) {
		UUID manager = managerId == null ? viewer.id() : managerId;
		if (!seesEveryone(viewer) && !this.orgChart.organisationOf(viewer.id()).contains(manager)) {
			throw new RecordNotFoundException("team", manager);
		}
		return AdoptionScope.of(this.orgChart.organisationOf(manager));
	}

	/**
	 * @throws RecordNotFoundException when the person is outside what the viewer may see
	 */
	AdoptionScope person(Viewer viewer, UUID userId) {
		if (!userId.equals(viewer.id()) && !seesEveryone(viewer)
				&& !this.orgChart.organisationOf(viewer.id()).contains(userId)) {
			throw new RecordNotFoundException("user", userId);
		}
		return AdoptionScope.user(userId);
	}

}
