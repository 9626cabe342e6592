package dev.bellwether.programme.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.programme.GuidedTours;
import dev.bellwether.programme.HelpTexts;
import dev.bellwether.programme.OnboardingChecklist;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.Tour;
import dev.bellwether.programme.TourBehaviour;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * In-app guidance ({@code /programme/guidance}): each person's onboarding checklist; for
 * programme leads, the guided tours (with their editor and results) and the help texts of
 * pages.
 */
@Controller
class GuidanceController {

	private static final String PAGE = "redirect:/programme/guidance";

	private final OnboardingChecklist checklist;

	private final GuidedTours tours;

	private final HelpTexts help;

	private final ProgrammeLeads leads;

	GuidanceController(OnboardingChecklist checklist, GuidedTours tours, HelpTexts help, ProgrammeLeads leads) {
		this.checklist = checklist;
		this.tours = tours;
		this.help = help;
		this.leads = leads;
	}

	@GetMapping("/programme/guidance")
	String guidance(Viewer viewer, Model model) {
		boolean lead = this.leads.isLead(viewer);
		model.addAttribute("lead", lead);
		model.addAttribute("checklist", this.checklist.checklist(viewer));
		if (lead) {
			model.addAttribute("tours", this.tours.list(viewer));
			model.addAttribute("helpTexts", this.help.list(viewer));
		}
		if (!model.containsAttribute("helpErrors")) {
			model.addAttribute("helpErrors", Map.of());
		}
		return "programme/guidance";
	}

	@GetMapping("/programme/guidance/tours/new")
	String newTour(Viewer viewer, Model model) {
		this.leads.requireLead(viewer);
		return editor(viewer, model, null, new TourForm("", "", List.of(), "", true, "", null), Map.of());
	}

	@PostMapping("/programme/guidance/tours")
	String create(Viewer viewer, @ModelAttribute TourForm form, Model model, RedirectAttributes redirect) {
		this.leads.requireLead(viewer);
		try {
			Tour tour = this.tours.create(viewer, form.toDetails());
			redirect.addFlashAttribute("flashSuccess", "Tour “" + tour.name() + "” saved.");
			return "redirect:/programme/guidance/tours/" + tour.id();
		}
		catch (InvalidInputException ex) {
			return editor(viewer, model, null, form, ex.fieldErrors());
		}
	}

	@GetMapping("/programme/guidance/tours/{id}")
	String tour(Viewer viewer, @PathVariable UUID id, Model model) {
		Tour tour = this.tours.get(viewer, id);
		return editor(viewer, model, tour, TourForm.of(tour), Map.of());
	}

	@PostMapping("/programme/guidance/tours/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute TourForm form, Model model,
			RedirectAttributes redirect) {
		Tour tour = this.tours.get(viewer, id);
		try {
			Tour saved = this.tours.update(viewer, id, form.toDetails(), form.version() == null ? -1 : form.version());
			redirect.addFlashAttribute("flashSuccess", "Tour “" + saved.name() + "” saved.");
			return "redirect:/programme/guidance/tours/" + id;
		}
		catch (InvalidInputException ex) {
			return editor(viewer, model, tour, form, ex.fieldErrors());
		}
		catch (StaleRecordException ex) {
			redirect.addFlashAttribute("flashError", "Someone changed the tour meanwhile: here it is as it is now.");
			return "redirect:/programme/guidance/tours/" + id;
		}
	}

	@PostMapping("/programme/guidance/tours/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		Tour tour = this.tours.get(viewer, id);
		this.tours.delete(viewer, id);
		redirect.addFlashAttribute("flashSuccess", "Tour “" + tour.name() + "” deleted.");
		return PAGE;
	}

	@PostMapping("/programme/guidance/help")
	String saveHelp(Viewer viewer, @RequestParam(required = false) String path,
			@RequestParam(required = false) String text, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		this.leads.requireLead(viewer);
		try {
			this.help.save(viewer, path, text, version);
			redirect.addFlashAttribute("flashSuccess", "Help of " + path.trim() + " saved.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		catch (StaleRecordException ex) {
			redirect.addFlashAttribute("flashError",
					"The help of that page was written or changed meanwhile: edit it as it is now.");
		}
		return PAGE + "#help-texts";
	}

	@PostMapping("/programme/guidance/help/delete")
	String deleteHelp(Viewer viewer, @RequestParam String path, RedirectAttributes redirect) {
		if (this.help.delete(viewer, path)) {
			redirect.addFlashAttribute("flashSuccess", "Help of " + path + " deleted.");
		}
		return PAGE + "#help-texts";
	}

	private String editor(Viewer viewer, Model model, Tour tour, TourForm form, Map<String, String> errors) {
		model.addAttribute("tour", tour);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", Role.values());
		model.addAttribute("windowDays", TourBehaviour.WINDOW_DAYS);
		if (tour != null) {
			model.addAttribute("missingTargets", this.tours.missingTargets(viewer, tour.id()));
			model.addAttribute("views", this.tours.views(viewer, tour.id()));
			model.addAttribute("results", this.tours.results(viewer, tour.id()));
		}
		return "programme/guidance-tour";
	}

	/**
	 * The tour editor's form: the steps one a line, {@code selector | title | text}.
	 */
	record TourForm(String name, String path, List<String> roles, String featureKey, Boolean active, String steps,
			Long version) {

		static TourForm of(Tour tour) {
			String steps = tour.steps()
				.stream()
				.map(s -> s.selector() + " | " + s.title() + " | " + s.text())
				.collect(Collectors.joining("\n"));
			return new TourForm(tour.name(), tour.path(), tour.roles().stream().map(Role::name).toList(),
					tour.featureKey() == null ? "" : tour.featureKey(), tour.active(), steps, tour.version());
		}

		Tour.Details toDetails() {
			List<Tour.StepDetails> parsed = new ArrayList<>();
			if (this.steps != null) {
				Arrays.stream(this.steps.split("\\R")).filter(line -> !line.isBlank()).forEach(line -> {
					String[] parts = line.split("\\|", 3);
					parsed.add(new Tour.StepDetails(parts[0], parts.length > 1 ? parts[1] : null,
							parts.length > 2 ? parts[2] : null));
				});
			}
			return new Tour.Details(this.name, this.path, this.roles == null ? List.of() : this.roles, this.featureKey,
					this.active != null && this.active, parsed);
		}

		public boolean hasRole(Role role) {
			return this.roles != null && this.roles.contains(role.name());
		}

	}

}
