package dev.bellwether.programme.web;

import java.util.Optional;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.web.Dates;
import dev.bellwether.programme.ProgrammeSection;
import dev.bellwether.programme.SteeringCommittee;

import org.springframework.stereotype.Component;

/**
 * The steering committee on the Programme page, for leads, members and sponsors: the next
 * meeting and how many actions are overdue.
 */
@Component
class CommitteeSection implements ProgrammeSection {

	private final SteeringCommittee committee;

	private final Dates dates;

	CommitteeSection(SteeringCommittee committee, Dates dates) {
		this.committee = committee;
		this.dates = dates;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public String title() {
		return "Steering committee";
	}

	@Override
	public String path() {
		return "/programme/committee";
	}

	@Override
	public boolean visibleTo(Viewer viewer, boolean lead) {
		return lead || this.committee.canView(viewer);
	}

	@Override
	public String summary(Viewer viewer) {
		Optional<SteeringCommittee.MeetingSummary> next = this.committee.nextMeeting(viewer);
		long overdue = this.committee.openActions(viewer).stream().filter(SteeringCommittee.Action::overdue).count();
		String meeting = next.map(m -> "Next meeting " + this.dates.dayMonth(m.heldOn())).orElse("No meeting planned");
		return meeting + " · " + overdue + (overdue == 1 ? " action overdue" : " actions overdue");
	}

}
