package dev.bellwether.programme.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.web.ApiResources;
import dev.bellwether.programme.SteeringCommittee;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The steering committee through the API (docs/programme.md, "Steering committee").
 */
@RestController
@RequestMapping("/api/v1/programme/committee")
@Tag(name = "Programme: steering committee",
		description = "The executive sponsors and the members of the adoption programme's steering committee, its "
				+ "meetings with an agenda frozen from the live adoption figures, attendance, decisions and actions. "
				+ "Programme leads, committee members and sponsors read it (403 otherwise); only leads change it.")
class CommitteeApiController {

	private final SteeringCommittee committee;

	CommitteeApiController(SteeringCommittee committee) {
		this.committee = committee;
	}

	record CommitteeMemberRequest(UUID userId) {
	}

	/**
	 * @param scopeManagerId whose organisation the agenda covers; null for everyone
	 * @param attendeeIds invited besides the chair; empty or null: the committee
	 */
	record CommitteeMeetingRequest(LocalDate heldOn, String title, UUID chairId, UUID scopeManagerId,
			List<UUID> attendeeIds) {
	}

	record CommitteeAttendanceRequest(List<UUID> attended) {
	}

	record CommitteeDecisionRequest(String text) {
	}

	record CommitteeActionRequest(String text, UUID ownerId, LocalDate dueOn) {
	}

	/**
	 * @param version the action's version as read
	 */
	record CommitteeActionStatusRequest(SteeringCommittee.ActionStatus status, Long version) {
	}

	@GetMapping("/members")
	@Operation(summary = "The committee", description = "Executive sponsors first, then the members, by name.")
	List<SteeringCommittee.CommitteeMember> members(Viewer viewer) {
		return this.committee.members(viewer);
	}

	@GetMapping("/sponsor-activity")
	@Operation(summary = "Sponsor activity",
			description = "What each active executive sponsor visibly did for the CRM in the 14 days ending today: "
					+ "days with their own use of records, days with dashboards, reports or forecasts reviewed, "
					+ "programme messages delivered in their name, committee meetings chaired (and attended); "
					+ "their acts, the latest first; their last act; inactive when none, the condition of the "
					+ "sponsor-inactivity alert. Under an aggregate-only privacy policy, only the caller's own activity.")
	List<AdoptionSponsors.SponsorActivity> sponsorActivity(Viewer viewer) {
		return this.committee.sponsorActivity(viewer);
	}

	@PostMapping("/members")
	@Operation(summary = "Add a member", description = "Programme leads only. An unknown user is a 400 naming userId.")
	List<SteeringCommittee.CommitteeMember> addMember(Viewer viewer, @RequestBody CommitteeMemberRequest request) {
		this.committee.addMember(viewer, request.userId());
		return this.committee.members(viewer);
	}

	@DeleteMapping("/members/{userId}")
	@Operation(summary = "Remove a member", description = "Programme leads only. Sponsors stay sponsors.")
	ResponseEntity<Void> removeMember(Viewer viewer, @PathVariable UUID userId) {
		this.committee.removeMember(viewer, userId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/meetings")
	@Operation(summary = "The meetings", description = "The latest first, with their open and overdue actions.")
	List<SteeringCommittee.MeetingSummary> meetings(Viewer viewer) {
		return this.committee.meetings(viewer);
	}

	@PostMapping("/meetings")
	@Operation(summary = "Plan a meeting",
			description = "Programme leads only. heldOn, title and chairId are required (400 naming the field); an "
					+ "unknown chair or attendee is a 400.")
	ResponseEntity<SteeringCommittee.Meeting> create(Viewer viewer, @RequestBody CommitteeMeetingRequest request) {
		SteeringCommittee.Meeting meeting = this.committee.create(viewer, new SteeringCommittee.MeetingDetails(
				request.heldOn(), request.title(), request.chairId(), request.scopeManagerId(), request.attendeeIds()));
		return ResponseEntity.created(URI.create("/api/v1/programme/committee/meetings/" + meeting.id())).body(meeting);
	}

	@GetMapping("/meetings/{id}")
	@Operation(summary = "One meeting", description = "Its agenda as generated, attendance, decisions and actions.")
	SteeringCommittee.Meeting meeting(Viewer viewer, @PathVariable UUID id) {
		return this.committee.meeting(viewer, id);
	}

	@PostMapping("/meetings/{id}/agenda")
	@Operation(summary = "Generate the agenda",
			description = "Programme leads only. Takes the live adoption figures of the meeting's scope as of today "
					+ "and keeps them with the meeting, with the pulse barriers of the latest closed ADKAR survey "
					+ "(topic 'Pulse barriers'); a past meeting's agenda is kept (400).")
	SteeringCommittee.Meeting agenda(Viewer viewer, @PathVariable UUID id) {
		return this.committee.generateAgenda(viewer, id);
	}

	@PutMapping("/meetings/{id}/attendance")
	@Operation(summary = "Record attendance",
			description = "Programme leads only. The people given attended; the other invitees did not.")
	SteeringCommittee.Meeting attendance(Viewer viewer, @PathVariable UUID id,
			@RequestBody CommitteeAttendanceRequest request) {
		return this.committee.recordAttendance(viewer, id, request.attended());
	}

	@PostMapping("/meetings/{id}/decisions")
	@Operation(summary = "Record a decision", description = "Programme leads only. text is required.")
	SteeringCommittee.Decision decision(Viewer viewer, @PathVariable UUID id,
			@RequestBody CommitteeDecisionRequest request) {
		return this.committee.addDecision(viewer, id, request.text());
	}

	@PostMapping("/meetings/{id}/actions")
	@Operation(summary = "Record an action",
			description = "Programme leads only. text, ownerId and dueOn are required (400 naming the field); an "
					+ "unknown owner is a 400.")
	SteeringCommittee.Action action(Viewer viewer, @PathVariable UUID id, @RequestBody CommitteeActionRequest request) {
		return this.committee.addAction(viewer, id,
				new SteeringCommittee.ActionDetails(request.text(), request.ownerId(), request.dueOn()));
	}

	@GetMapping("/actions")
	@Operation(summary = "The open actions",
			description = "Of every meeting, the earliest due first; overdue: open after its due date.")
	List<SteeringCommittee.Action> openActions(Viewer viewer) {
		return this.committee.openActions(viewer);
	}

	@PatchMapping("/actions/{id}")
	@Operation(summary = "Mark an action done or open",
			description = "Programme leads only. Send status (OPEN or DONE) and the version you read (409 when it "
					+ "changed since).")
	SteeringCommittee.Action actionStatus(Viewer viewer, @PathVariable UUID id,
			@RequestBody CommitteeActionStatusRequest request) {
		if (request.status() == null) {
			throw new InvalidInputException("status", "Choose OPEN or DONE.");
		}
		long version = ApiResources.requireVersion(request.version(), SteeringCommittee.ACTION);
		return this.committee.setActionStatus(viewer, id, request.status(), version);
	}

}
