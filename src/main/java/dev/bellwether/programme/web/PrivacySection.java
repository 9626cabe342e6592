package dev.bellwether.programme.web;

import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.identity.Viewer;
import dev.bellwether.programme.ProgrammeSection;

import org.springframework.stereotype.Component;

/**
 * The privacy policy on the Programme page, for leads and administrators.
 */
@Component
class PrivacySection implements ProgrammeSection {

	private final PrivacyPolicy policy;

	PrivacySection(PrivacyPolicy policy) {
		this.policy = policy;
	}

	@Override
	public int order() {
		return 80;
	}

	@Override
	public String title() {
		return "Privacy policy";
	}

	@Override
	public String path() {
		return "/programme/privacy";
	}

	@Override
	public boolean visibleTo(Viewer viewer, boolean lead) {
		return lead;
	}

	@Override
	public String summary(Viewer viewer) {
		PrivacyPolicy.Settings settings = this.policy.current();
		String mode = settings.mode() == PrivacyPolicy.Mode.AGGREGATE_ONLY
				? "Aggregates only, groups under " + settings.minimumGroupSize() + " hidden"
				: "Individual figures up the manager chain; survey groups under " + settings.minimumGroupSize()
						+ " hidden";
		long exports = this.policy.exportCount();
		return mode + "; " + exports + (exports == 1 ? " export" : " exports") + " of individual figures logged.";
	}

}
