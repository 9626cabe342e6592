package dev.bellwether.programme.web;

import java.util.Map;
import java.util.stream.Collectors;

import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.programme.ProgrammeLeads;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The privacy policy over adoption and programme figures ({@code /programme/privacy}):
 * programme leads and administrators choose individual figures or aggregates only, and
 * the minimum group size, and see the log of exports of individual figures. The policy
 * itself belongs to adoption ({@link PrivacyPolicy}), which enforces it.
 */
@Controller
class PrivacyController {

	static final int EXPORTS_SHOWN = 50;

	private final PrivacyPolicy policy;

	private final ProgrammeLeads leads;

	private final UserDirectory users;

	PrivacyController(PrivacyPolicy policy, ProgrammeLeads leads, UserDirectory users) {
		this.policy = policy;
		this.leads = leads;
		this.users = users;
	}

	@GetMapping("/programme/privacy")
	String privacy(Viewer viewer, Model model) {
		this.leads.requireLead(viewer);
		var exports = this.policy.exports(EXPORTS_SHOWN);
		Map<java.util.UUID, String> names = this.users
			.namesOf(exports.stream().map(PrivacyPolicy.Export::exportedBy).collect(Collectors.toSet()));
		model.addAttribute("policy", this.policy.current());
		model.addAttribute("modes", PrivacyPolicy.Mode.values());
		model.addAttribute("exports", exports);
		model.addAttribute("names", names);
		return "programme/privacy";
	}

	@PostMapping("/programme/privacy")
	String update(Viewer viewer, @RequestParam(required = false) PrivacyPolicy.Mode mode,
			@RequestParam(required = false) String minimumGroupSize, @RequestParam(defaultValue = "0") long version,
			RedirectAttributes redirect) {
		this.leads.requireLead(viewer);
		try {
			PrivacyPolicy.Settings saved = this.policy.update(viewer, mode,
					PulseSurveyController.number(minimumGroupSize), version);
			redirect.addFlashAttribute("flashSuccess", (saved.mode() == PrivacyPolicy.Mode.AGGREGATE_ONLY
					? "Only aggregates are shown now, of groups of at least " + saved.minimumGroupSize() + " people."
					: "Individual figures are visible up the manager chain now; survey results still need groups of at least "
							+ saved.minimumGroupSize() + "."));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", String.join(" ", ex.fieldErrors().values()));
		}
		return "redirect:/programme/privacy";
	}

}
