package dev.bellwether.programme.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.programme.ProgrammeLeads;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators flag the programme leads ({@code /admin/programme/leads}): the people
 * besides administrators who run the adoption programme.
 */
@Controller
class ProgrammeLeadAdminController {

	private static final String PAGE = "redirect:/admin/programme/leads";

	private final ProgrammeLeads leads;

	private final UserDirectory users;

	ProgrammeLeadAdminController(ProgrammeLeads leads, UserDirectory users) {
		this.leads = leads;
		this.users = users;
	}

	@GetMapping("/admin/programme/leads")
	String leads(Viewer viewer, Model model) {
		requireAdmin(viewer);
		List<ProgrammeLeads.Lead> leads = this.leads.list();
		Set<UUID> flagged = leads.stream().map(ProgrammeLeads.Lead::userId).collect(Collectors.toSet());
		List<User> candidates = this.users.activeUsers()
			.stream()
			.filter(u -> !u.integrationAccount() && !flagged.contains(u.id()) && !u.role().name().equals("ADMIN"))
			.toList();
		model.addAttribute("leads", leads);
		model.addAttribute("candidates", candidates);
		return "programme/leads";
	}

	@PostMapping("/admin/programme/leads")
	String designate(Viewer viewer, @RequestParam(required = false) UUID userId, RedirectAttributes redirect) {
		requireAdmin(viewer);
		if (userId == null) {
			redirect.addFlashAttribute("flashError", "Choose the person who will lead the programme.");
			return PAGE;
		}
		try {
			this.leads.designate(viewer, userId);
			redirect.addFlashAttribute("flashSuccess", this.users.get(userId).fullName() + " leads the programme now.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return PAGE;
	}

	@PostMapping("/admin/programme/leads/{userId}/remove")
	String remove(Viewer viewer, @PathVariable UUID userId, RedirectAttributes redirect) {
		requireAdmin(viewer);
		if (this.leads.remove(viewer, userId)) {
			redirect.addFlashAttribute("flashSuccess",
					this.users.get(userId).fullName() + " no longer leads the programme.");
		}
		return PAGE;
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Programme leads are flagged by administrators.");
		}
	}

}
