package dev.bellwether.adoption.web;

import java.util.Set;
import java.util.UUID;

import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.stereotype.Component;

/**
 * Whose adoption a viewer may look at, the same for pages and API: executives and
 * administrators everyone's; a manager their own organisation (themselves and everyone
 * below); everyone else only their own. The privacy policy ({@link PrivacyPolicy})
 * narrows it the same way everywhere: under aggregate-only, nobody sees another person's
 * figures (executives and administrators included) nor a team smaller than the minimum
 * group.
 */
@Component
class AdoptionAccess {

	static final Set<Role> SEE_EVERYONE = Set.of(Role.EXECUTIVE, Role.ADMIN);

	private final OrgChart orgChart;

	private final PrivacyPolicy privacy;

	AdoptionAccess(OrgChart orgChart, PrivacyPolicy privacy) {
		this.orgChart = orgChart;
		this.privacy = privacy;
	}

	/**
	 * @return whether the privacy policy hides individual figures of this scope from the
	 * viewer: under aggregate-only, any scope but the viewer alone
	 */
	boolean individualsHidden(Viewer viewer, AdoptionScope scope) {
		return this.privacy.individualsHidden(viewer.id(), scope);
	}

	/**
	 * @throws ForbiddenException when the privacy policy hides individual figures of the
	 * scope from the viewer
	 */
	void requireIndividuals(Viewer viewer, AdoptionScope scope) {
		if (individualsHidden(viewer, scope)) {
			throw new ForbiddenException(
					PrivacyPolicy.HIDDEN + ": only aggregate figures are shown (of groups of at least "
							+ this.privacy.minimumGroupSize() + " people), not each person's.");
		}
	}

	/**
	 * @return the minimum group size when the policy hides small groups, else 0
	 */
	int hiddenBelow() {
		return this.privacy.current().hiddenBelow();
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
		AdoptionScope scope = AdoptionScope.of(this.orgChart.organisationOf(manager));
		PrivacyPolicy.Settings policy = this.privacy.current();
		int minimum = policy.minimumGroupSize();
		if (policy.groupHidden(viewer.id(), scope)) {
			throw new ForbiddenException(PrivacyPolicy.HIDDEN + ": this team has " + scope.userIds().size()
					+ (scope.userIds().size() == 1 ? " person" : " people") + ", fewer than the " + minimum
					+ " a group needs for its figures to be shown.");
		}
		return scope;
	}

	/**
	 * @throws RecordNotFoundException when the person is outside what the viewer may see
	 */
	AdoptionScope person(Viewer viewer, UUID userId) {
		if (!userId.equals(viewer.id()) && !seesEveryone(viewer)
				&& !this.orgChart.organisationOf(viewer.id()).contains(userId)) {
			throw new RecordNotFoundException("user", userId);
		}
		AdoptionScope scope = AdoptionScope.user(userId);
		requireIndividuals(viewer, scope);
		return scope;
	}

}
