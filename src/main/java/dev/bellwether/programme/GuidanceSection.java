package dev.bellwether.programme;

import dev.bellwether.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * In-app guidance on the Programme page: everyone sees how far their own onboarding
 * checklist is.
 */
@Component
class GuidanceSection implements ProgrammeSection {

	private final OnboardingChecklist checklist;

	GuidanceSection(OnboardingChecklist checklist) {
		this.checklist = checklist;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public String title() {
		return "In-app guidance";
	}

	@Override
	public String path() {
		return "/programme/guidance";
	}

	@Override
	public boolean visibleTo(Viewer viewer, boolean lead) {
		return true;
	}

	@Override
	public String summary(Viewer viewer) {
		return "Your onboarding checklist: " + this.checklist.checklist(viewer).summary();
	}

}
