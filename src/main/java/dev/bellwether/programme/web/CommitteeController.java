package dev.bellwether.programme.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.SteeringCommittee;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steering committee ({@code /programme/committee}): its sponsors and members, its
 * meetings with their agendas, attendance, decisions and actions. Programme leads,
 * committee members and sponsors see it; leads change it.
 */
@Controller
class CommitteeController {

	private static final String COMMITTEE = "redirect:/programme/committee";

	private final SteeringCommittee committee;

	private final ProgrammeLeads leads;

	private final UserDirectory users;

	CommitteeController(SteeringCommittee committee, ProgrammeLeads leads, UserDirectory users) {
		this.committee = committee;
		this.leads = leads;
		this.users = users;
	}

	@GetMapping("/programme/committee")
	String committee(Viewer viewer, Model model) {
		List<SteeringCommittee.CommitteeMember> members = this.committee.members(viewer);
		model.addAttribute("lead", this.leads.isLead(viewer));
		model.addAttribute("members", members);
		model.addAttribute("meetings", this.committee.meetings(viewer));
		model.addAttribute("openActions", this.committee.openActions(viewer));
		model.addAttribute("sponsorActivity", this.committee.sponsorActivity(viewer));
		model.addAttribute("sponsorActivityHidden", this.committee.sponsorActivityHidden());
		model.addAttribute("today", this.committee.today());
		model.addAttribute("candidates", candidates());
		return "programme/committee";
	}

	@PostMapping("/programme/committee/members")
	String addMember(Viewer viewer, @RequestParam(required = false) UUID userId, RedirectAttributes redirect) {
		try {
			this.committee.addMember(viewer, userId);
			redirect.addFlashAttribute("flashSuccess", this.users.get(userId).fullName() + " joined the committee.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return COMMITTEE;
	}

	@PostMapping("/programme/committee/members/{userId}/remove")
	String removeMember(Viewer viewer, @PathVariable UUID userId, RedirectAttributes redirect) {
		if (this.committee.removeMember(viewer, userId)) {
			redirect.addFlashAttribute("flashSuccess", this.users.get(userId).fullName() + " left the committee.");
		}
		return COMMITTEE;
	}

	@GetMapping("/programme/committee/meetings/new")
	String newMeeting(Viewer viewer, Model model) {
		this.leads.requireLead(viewer);
		return form(viewer, model, null, "", null, null, Map.of());
	}

	@PostMapping("/programme/committee/meetings")
	String create(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(defaultValue = "") String title, @RequestParam(required = false) UUID chairId,
			@RequestParam(required = false) UUID scopeManagerId, @RequestParam(required = false) List<UUID> attendeeIds,
			Model model, RedirectAttributes redirect) {
		try {
			SteeringCommittee.Meeting meeting = this.committee.create(viewer, new SteeringCommittee.MeetingDetails(
					heldOn, title, chairId, scopeManagerId, attendeeIds == null ? List.of() : attendeeIds));
			redirect.addFlashAttribute("flashSuccess", "Meeting planned: generate its agenda when you are ready.");
			return "redirect:/programme/committee/meetings/" + meeting.id();
		}
		catch (InvalidInputException ex) {
			return form(viewer, model, heldOn, title, chairId, scopeManagerId, ex.fieldErrors());
		}
	}

	private String form(Viewer viewer, Model model, LocalDate heldOn, String title, UUID chairId, UUID scopeManagerId,
			Map<String, String> errors) {
		model.addAttribute("heldOn", heldOn);
		model.addAttribute("title", title);
		model.addAttribute("chairId", chairId);
		model.addAttribute("scopeManagerId", scopeManagerId);
		model.addAttribute("errors", errors);
		model.addAttribute("members", this.committee.members(viewer));
		model.addAttribute("people", candidates());
		model.addAttribute("managers", this.users.activeManagers());
		return "programme/committee-new";
	}

	/**
	 * A meeting's page shows its agenda of adoption figures: reviewing it counts as a
	 * dashboard view (sponsor activity, "executives looking at team figures").
	 */
	@GetMapping("/programme/committee/meetings/{id}")
	@Usage(UsageKind.DASHBOARD_VIEW)
	String meeting(Viewer viewer, @PathVariable UUID id, Model model) {
		model.addAttribute("meeting", this.committee.meeting(viewer, id));
		model.addAttribute("lead", this.leads.isLead(viewer));
		model.addAttribute("people", candidates());
		model.addAttribute("today", this.committee.today());
		return "programme/committee-meeting";
	}

	@PostMapping("/programme/committee/meetings/{id}/agenda")
	String agenda(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.committee.generateAgenda(viewer, id);
			redirect.addFlashAttribute("flashSuccess",
					"Agenda generated from today's figures and kept with the meeting.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return meetingPage(id);
	}

	@PostMapping("/programme/committee/meetings/{id}/attendance")
	String attendance(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) List<UUID> attended,
			RedirectAttributes redirect) {
		List<UUID> present = attended == null ? new ArrayList<>() : attended;
		this.committee.recordAttendance(viewer, id, present);
		redirect.addFlashAttribute("flashSuccess", "Attendance recorded.");
		return meetingPage(id);
	}

	@PostMapping("/programme/committee/meetings/{id}/decisions")
	String decision(Viewer viewer, @PathVariable UUID id, @RequestParam(defaultValue = "") String text,
			RedirectAttributes redirect) {
		try {
			this.committee.addDecision(viewer, id, text);
			redirect.addFlashAttribute("flashSuccess", "Decision recorded.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return meetingPage(id);
	}

	@PostMapping("/programme/committee/meetings/{id}/actions")
	String action(Viewer viewer, @PathVariable UUID id, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) UUID ownerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			RedirectAttributes redirect) {
		try {
			this.committee.addAction(viewer, id, new SteeringCommittee.ActionDetails(text, ownerId, dueOn));
			redirect.addFlashAttribute("flashSuccess", "Action recorded.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return meetingPage(id);
	}

	@PostMapping("/programme/committee/actions/{id}/status")
	String actionStatus(Viewer viewer, @PathVariable UUID id, @RequestParam SteeringCommittee.ActionStatus status,
			@RequestParam long version, @RequestParam(required = false) UUID meetingId, RedirectAttributes redirect) {
		SteeringCommittee.Action action = this.committee.setActionStatus(viewer, id, status, version);
		redirect.addFlashAttribute("flashSuccess",
				status == SteeringCommittee.ActionStatus.DONE ? "Action done." : "Action open again.");
		return meetingPage(action.meetingId());
	}

	private static String meetingPage(UUID id) {
		return "redirect:/programme/committee/meetings/" + id;
	}

	private List<User> candidates() {
		return this.users.activeUsers().stream().filter(u -> !u.integrationAccount()).toList();
	}

}
