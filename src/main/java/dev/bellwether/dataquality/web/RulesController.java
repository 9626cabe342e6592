package dev.bellwether.dataquality.web;

import java.util.List;
import java.util.UUID;

import dev.bellwether.dataquality.CompletenessRule;
import dev.bellwether.dataquality.CompletenessRules;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The completeness rules, for sales administrators and administrators to change: which
 * fields count per record type and, for deals, per stage.
 */
@Controller
class RulesController {

	private final CompletenessRules rules;

	RulesController(CompletenessRules rules) {
		this.rules = rules;
	}

	@GetMapping("/data-quality/rules")
	String rules(Viewer viewer, Model model) {
		requireEditor(viewer);
		List<CompletenessRule> all = this.rules.all();
		model.addAttribute("rules", all);
		return "dataquality/rules";
	}

	@PostMapping("/data-quality/rules")
	String save(Viewer viewer, @RequestParam String recordType, @RequestParam(required = false) UUID stageId,
			@RequestParam(required = false) List<String> fields, @RequestParam(required = false) String reset,
			RedirectAttributes redirect) {
		try {
			CompletenessRule rule = reset != null ? this.rules.reset(viewer, recordType, stageId)
					: this.rules.save(viewer, recordType, stageId, fields == null ? List.of() : fields);
			redirect.addFlashAttribute("flashSuccess", "Saved: " + name(rule) + " count "
					+ (rule.fields().isEmpty() ? "no field (not scored)" : String.join(", ", rule.fieldLabels()))
					+ ". The next measurement applies it.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/data-quality/rules";
	}

	static String name(CompletenessRule rule) {
		return switch (rule.recordType()) {
			case "account" -> "accounts";
			case "contact" -> "contacts";
			default -> "deals in " + rule.stageName();
		};
	}

	private static void requireEditor(Viewer viewer) {
		if (!CompletenessRules.canEdit(viewer)) {
			throw new ForbiddenException("Completeness rules are set by sales administrators and administrators.");
		}
	}

}
