package dev.bellwether.service;

import dev.bellwether.sales.OpportunityStageChanged;
import dev.bellwether.sales.StageOutcome;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens onboarding cases from the sales module's stage changes, after the deal's change
 * commits, in a transaction of its own (a failure never undoes the deal; the publication
 * registry retries it, and {@link Onboarding#dealWon} opens at most one case per deal).
 */
@Component
class OnboardingListener {

	private final Onboarding onboarding;

	OnboardingListener(Onboarding onboarding) {
		this.onboarding = onboarding;
	}

	@ApplicationModuleListener
	void on(OpportunityStageChanged event) {
		if (event.outcome() == StageOutcome.WON) {
			this.onboarding.dealWon(event);
		}
	}

}
