package dev.bellwether.programme.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.identity.Person;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.RolloutWaves;
import dev.bellwether.programme.Wave;
import dev.bellwether.programme.WaveFigures;
import dev.bellwether.programme.WaveStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rollout waves ({@code /programme/waves}): each wave with its status, gates and
 * funnel; leads plan, open and close them. Everyone else sees their own wave.
 */
@Controller
class WavesController {

	private final RolloutWaves waves;

	private final WaveAccess access;

	private final ProgrammeLeads leads;

	private final UserDirectory users;

	WavesController(RolloutWaves waves, WaveAccess access, ProgrammeLeads leads, UserDirectory users) {
		this.waves = waves;
		this.access = access;
		this.leads = leads;
		this.users = users;
	}

	@GetMapping("/programme/waves")
	String list(Viewer viewer, Model model) {
		boolean lead = this.leads.isLead(viewer);
		List<WaveView> shown = this.access.visible(viewer)
			.stream()
			.map(w -> new WaveView(w, this.waves.figures(viewer, w)))
			.toList();
		model.addAttribute("lead", lead);
		model.addAttribute("waves", shown);
		model.addAttribute("everyWave", this.access.seesEveryWave(viewer));
		if (lead && !model.containsAttribute("form")) {
			WaveForm form = new WaveForm();
			form.setPosition(String.valueOf(shown.stream().mapToInt(v -> v.wave().position()).max().orElse(0) + 1));
			model.addAttribute("form", form);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (lead) {
			model.addAttribute("people", people());
		}
		return "programme/waves";
	}

	@PostMapping("/programme/waves")
	String create(Viewer viewer, @ModelAttribute("form") WaveForm form, Model model, RedirectAttributes redirect) {
		this.leads.requireLead(viewer);
		try {
			Wave wave = this.waves.create(viewer, form.details());
			redirect.addFlashAttribute("flashSuccess", wave.name() + " is planned.");
			return "redirect:/programme/waves/" + wave.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.fieldErrors());
			return list(viewer, model);
		}
	}

	@GetMapping("/programme/waves/{id}")
	String wave(Viewer viewer, @PathVariable UUID id, Model model) {
		Wave wave = this.access.get(viewer, id);
		boolean lead = this.leads.isLead(viewer);
		model.addAttribute("lead", lead);
		model.addAttribute("view", new WaveView(wave, this.waves.figures(viewer, wave)));
		model.addAttribute("overrides", this.waves.overrides(id));
		if (lead) {
			Map<UUID, Person> byId = people().stream().collect(Collectors.toMap(Person::id, p -> p));
			model.addAttribute("members",
					this.waves.members(id)
						.stream()
						.map(byId::get)
						.filter(p -> p != null)
						.sorted(Comparator.comparing(p -> p.fullName().toLowerCase(Locale.ROOT)))
						.toList());
			model.addAttribute("people", people());
			if (!model.containsAttribute("form")) {
				model.addAttribute("form", WaveForm.of(wave));
			}
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "programme/waves-detail";
	}

	@PostMapping("/programme/waves/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") WaveForm form, Model model,
			RedirectAttributes redirect) {
		this.leads.requireLead(viewer);
		try {
			Wave wave = this.waves.update(viewer, id, form.getVersion(), form.details());
			redirect.addFlashAttribute("flashSuccess", wave.name() + " is saved.");
			return "redirect:/programme/waves/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.fieldErrors());
			return wave(viewer, id, model);
		}
	}

	@PostMapping("/programme/waves/{id}/open")
	String open(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		this.leads.requireLead(viewer);
		try {
			Wave wave = this.waves.open(viewer, id, reason);
			redirect.addFlashAttribute("flashSuccess", wave.name() + " is open.");
			return "redirect:/programme/waves/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.fieldErrors());
			model.addAttribute("reason", reason);
			return wave(viewer, id, model);
		}
	}

	@PostMapping("/programme/waves/{id}/close")
	String close(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		this.leads.requireLead(viewer);
		try {
			Wave wave = this.waves.close(viewer, id);
			redirect.addFlashAttribute(wave.status() == WaveStatus.PASSED ? "flashSuccess" : "flashError",
					wave.name() + (wave.status() == WaveStatus.PASSED ? " passed its gates."
							: " closed without meeting its gates."));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/programme/waves/" + id;
	}

	@PostMapping("/programme/waves/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		this.leads.requireLead(viewer);
		try {
			this.waves.delete(viewer, id);
			redirect.addFlashAttribute("flashSuccess", "The wave is deleted.");
			return "redirect:/programme/waves";
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
			return "redirect:/programme/waves/" + id;
		}
	}

	private List<Person> people() {
		return this.users.people()
			.stream()
			.filter(p -> p.active() && p.countedInAdoption())
			.sorted(Comparator.comparing(p -> p.fullName().toLowerCase(Locale.ROOT)))
			.toList();
	}

	/**
	 * A wave as the pages show it.
	 *
	 * @param funnelData the funnel's counts as a JSON array, for the chart
	 */
	record WaveView(Wave wave, WaveFigures figures, String funnelData) {

		WaveView(Wave wave, WaveFigures figures) {
			this(wave, figures,
					figures.funnel() == null ? "[]"
							: figures.funnel()
								.steps()
								.stream()
								.map(String::valueOf)
								.collect(Collectors.joining(",", "[", "]")));
		}

	}

}
