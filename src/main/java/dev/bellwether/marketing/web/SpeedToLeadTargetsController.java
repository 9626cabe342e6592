package dev.bellwether.marketing.web;

import java.util.Map;

import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.LeadResponseTargets;
import dev.bellwether.marketing.Leads;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /leads/speed/targets}: administrators, sales administrators and marketing set
 * how many business minutes a lead from each source may wait for its response, and the
 * default for every other source. Set-up, not use of a feature, so usage capture leaves
 * it out.
 */
@Controller
@Usage(value = UsageKind.VIEW, ignore = true)
class SpeedToLeadTargetsController {

	private static final String PATH = "/leads/speed/targets";

	private final LeadResponseTargets targets;

	private final PickLists pickLists;

	SpeedToLeadTargetsController(LeadResponseTargets targets, PickLists pickLists) {
		this.targets = targets;
		this.pickLists = pickLists;
	}

	@GetMapping(PATH)
	String show(Viewer viewer, Model model) {
		require(viewer);
		return page(model);
	}

	@PostMapping(PATH)
	String set(Viewer viewer, @RequestParam(defaultValue = "") String source,
			@RequestParam(required = false) String minutes, Model model, RedirectAttributes redirect) {
		require(viewer);
		try {
			LeadResponseTargets.Target target = this.targets.set(viewer, source, parse(minutes));
			redirect.addFlashAttribute("flashSuccess", (target.isDefault() ? "Default target" : target.source())
					+ " set to " + target.minutes() + " business minutes.");
			return "redirect:" + PATH;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.fieldErrors());
			model.addAttribute("chosenSource", source);
			model.addAttribute("chosenMinutes", minutes);
			return page(model);
		}
	}

	@PostMapping(PATH + "/remove")
	String remove(Viewer viewer, @RequestParam(defaultValue = "") String source, RedirectAttributes redirect) {
		require(viewer);
		this.targets.remove(viewer, source);
		redirect.addFlashAttribute("flashSuccess",
				source.isBlank() ? "Default target removed: sources without their own target have none."
						: source + " follows the default target now.");
		return "redirect:" + PATH;
	}

	private static Integer parse(String minutes) {
		if (minutes == null || minutes.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(minutes.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("minutes", "Give the target as a whole number of business minutes.");
		}
	}

	private String page(Model model) {
		model.addAttribute("targets", this.targets.all());
		model.addAttribute("sources", this.pickLists.choices(Leads.SOURCES, null));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "marketing/speed-targets";
	}

	private void require(Viewer viewer) {
		if (!this.targets.canEdit(viewer)) {
			throw new ForbiddenException(
					"Only administrators, sales administrators and marketing set speed-to-lead targets.");
		}
	}

}
