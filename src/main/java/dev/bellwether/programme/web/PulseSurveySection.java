package dev.bellwether.programme.web;

import java.util.List;

import dev.bellwether.identity.Viewer;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.ProgrammeSection;
import dev.bellwether.programme.PulseSurveys;

import org.springframework.stereotype.Component;

/**
 * Pulse surveys on the Programme page: leads see where the latest survey stands; anyone
 * else sees the section only while a survey is waiting for them.
 */
@Component
class PulseSurveySection implements ProgrammeSection {

	private final PulseSurveys surveys;

	private final ProgrammeLeads leads;

	PulseSurveySection(PulseSurveys surveys, ProgrammeLeads leads) {
		this.surveys = surveys;
		this.leads = leads;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public String title() {
		return "Pulse surveys";
	}

	@Override
	public String path() {
		return "/programme/pulse";
	}

	@Override
	public boolean visibleTo(Viewer viewer, boolean lead) {
		return lead || !this.surveys.waitingFor(viewer.id()).isEmpty();
	}

	@Override
	public String summary(Viewer viewer) {
		List<PulseSurveys.Survey> waiting = this.surveys.waitingFor(viewer.id());
		if (!this.leads.isLead(viewer)) {
			return waiting.isEmpty() ? "No survey is waiting for you."
					: "A survey is waiting for you: " + waiting.get(0).title() + ".";
		}
		List<PulseSurveys.Survey> all = this.surveys.list();
		if (all.isEmpty()) {
			return "No survey yet.";
		}
		PulseSurveys.Survey latest = all.get(0);
		String line = all.size() + (all.size() == 1 ? " survey" : " surveys") + "; latest “" + latest.title() + "”: "
				+ latest.answered() + " of " + latest.asked() + " answered";
		List<PulseSurveys.TeamBarriers> barriers = this.surveys.barriersByTeam();
		if (!barriers.isEmpty() && barriers.get(0).topBarrier() != null) {
			line += "; largest ADKAR barrier: " + barriers.get(0).team() + " at "
					+ barriers.get(0).topBarrier().label();
		}
		return line + (waiting.isEmpty() ? "." : "; one is waiting for you.");
	}

}
