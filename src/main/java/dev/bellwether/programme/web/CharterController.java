package dev.bellwether.programme.web;

import java.util.EnumMap;
import java.util.Map;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.programme.ProgrammeCharter;
import dev.bellwether.programme.ProgrammeLeads;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The charter ({@code /programme/charter}): everyone reads the current version, their
 * role's "what's in it for me" first, and accepts it; programme leads edit the draft,
 * publish it as the next version and see who accepted it.
 */
@Controller
class CharterController {

	private static final String PAGE = "redirect:/programme/charter";

	private final ProgrammeCharter charter;

	private final ProgrammeLeads leads;

	CharterController(ProgrammeCharter charter, ProgrammeLeads leads) {
		this.charter = charter;
		this.leads = leads;
	}

	@GetMapping("/programme/charter")
	String charter(Viewer viewer, Model model) {
		boolean lead = this.leads.isLead(viewer);
		ProgrammeCharter.Status status = this.charter.status(viewer);
		model.addAttribute("lead", lead);
		model.addAttribute("status", status);
		model.addAttribute("wiifm", status.current() == null ? null : status.current().wiifmFirst(viewer.role()));
		model.addAttribute("history", this.charter.history());
		if (lead) {
			ProgrammeCharter.AcceptanceReport report = this.charter.report(viewer);
			model.addAttribute("report", report);
		}
		return "programme/charter";
	}

	@PostMapping("/programme/charter/acceptance")
	String accept(Viewer viewer, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
		try {
			this.charter.accept(viewer, version);
			redirect.addFlashAttribute("flashSuccess",
					"Thank you: you accepted version " + version + " of the charter.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:" + safe(returnTo);
	}

	@PostMapping("/programme/charter/dismissal")
	String dismiss(Viewer viewer, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String returnTo) {
		if (version != null) {
			this.charter.dismiss(viewer, version);
		}
		return "redirect:" + safe(returnTo);
	}

	@GetMapping("/programme/charter/edit")
	String edit(Viewer viewer, Model model) {
		ProgrammeCharter.Draft draft = this.charter.draft(viewer);
		model.addAttribute("draft", draft);
		model.addAttribute("roles", Role.values());
		model.addAttribute("errors", Map.of());
		return "programme/charter-edit";
	}

	@PostMapping("/programme/charter/edit")
	String save(Viewer viewer, @RequestParam(defaultValue = "") String purpose,
			@RequestParam(defaultValue = "") String pains, @RequestParam(defaultValue = "") String payback,
			@RequestParam Map<String, String> params, @RequestParam(defaultValue = "0") long version,
			@RequestParam(defaultValue = "save") String intent, Model model, RedirectAttributes redirect) {
		Map<Role, String> wiifm = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			wiifm.put(role, params.getOrDefault("wiifm." + role.name(), ""));
		}
		ProgrammeCharter.Draft saved = this.charter.saveDraft(viewer,
				new ProgrammeCharter.CharterText(purpose, pains, payback, wiifm), version);
		if (!"publish".equals(intent)) {
			redirect.addFlashAttribute("flashSuccess", "Draft saved; publish it when it is ready.");
			return "redirect:/programme/charter/edit";
		}
		try {
			ProgrammeCharter.CharterVersion published = this.charter.publish(viewer, saved.version());
			redirect.addFlashAttribute("flashSuccess",
					"Version " + published.number() + " of the charter is published: everyone is asked to accept it.");
			return PAGE;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("draft", saved);
			model.addAttribute("roles", Role.values());
			model.addAttribute("errors", ex.fieldErrors());
			model.addAttribute("flashError", "The draft is saved but not published: " + ex.getMessage());
			return "programme/charter-edit";
		}
	}

	/**
	 * @return a path of this application to go back to, the charter page otherwise
	 */
	static String safe(String returnTo) {
		if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
				|| returnTo.contains("\r") || returnTo.contains("\n")) {
			return "/programme/charter";
		}
		return returnTo;
	}

}
