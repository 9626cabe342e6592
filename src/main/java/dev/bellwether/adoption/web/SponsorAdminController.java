package dev.bellwether.adoption.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators designate the executive sponsors of the CRM
 * ({@code /admin/adoption/sponsors}); a sponsor inactive for 14 days raises an alert.
 */
@Controller
class SponsorAdminController {

	private final AdoptionSponsors sponsors;

	private final UserDirectory users;

	SponsorAdminController(AdoptionSponsors sponsors, UserDirectory users) {
		this.sponsors = sponsors;
		this.users = users;
	}

	@GetMapping("/admin/adoption/sponsors")
	String sponsors(Viewer viewer, Model model) {
		requireAdmin(viewer);
		List<AdoptionSponsors.Sponsor> sponsors = this.sponsors.list();
		Set<UUID> designated = sponsors.stream().map(AdoptionSponsors.Sponsor::userId).collect(Collectors.toSet());
		List<User> candidates = this.users.activeUsers()
			.stream()
			.filter(u -> !u.integrationAccount() && !designated.contains(u.id()))
			.sorted(Comparator.comparing((User u) -> u.role() != Role.EXECUTIVE))
			.toList();
		model.addAttribute("sponsors", sponsors);
		model.addAttribute("candidates", candidates);
		return "adoption/sponsors";
	}

	@PostMapping("/admin/adoption/sponsors")
	String designate(Viewer viewer, @RequestParam(required = false) UUID userId, RedirectAttributes redirect) {
		requireAdmin(viewer);
		if (userId == null) {
			redirect.addFlashAttribute("flashError", "Choose the person to designate.");
			return "redirect:/admin/adoption/sponsors";
		}
		try {
			this.sponsors.designate(viewer, userId);
			redirect.addFlashAttribute("flashSuccess",
					this.users.get(userId).fullName() + " is an executive sponsor now.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/adoption/sponsors";
	}

	@PostMapping("/admin/adoption/sponsors/{userId}/remove")
	String remove(Viewer viewer, @PathVariable UUID userId, RedirectAttributes redirect) {
		requireAdmin(viewer);
		if (this.sponsors.remove(viewer, userId)) {
			redirect.addFlashAttribute("flashSuccess",
					this.users.get(userId).fullName() + " is no longer an executive sponsor.");
		}
		return "redirect:/admin/adoption/sponsors";
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Executive sponsors are designated by administrators.");
		}
	}

}
