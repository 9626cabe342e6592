package dev.bellwether.service.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.service.AccountTier;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.SlaPolicies;
import dev.bellwether.service.SlaPolicy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/sla-policies}: administrators keep the SLA policies (targets per
 * priority, the calendar they count in, the tier they apply to); service users, managers
 * and executives read them. Set-up, so usage capture leaves it out.
 */
@Controller
@Usage(value = UsageKind.VIEW, ignore = true)
class SlaPolicyAdminController {

	static final String PATH = "/admin/sla-policies";

	private static final Pattern TARGET_FIELD = Pattern.compile("targets\\.([A-Z]+)\\.(\\w+)");

	private final SlaPolicies policies;

	private final BusinessCalendars calendars;

	SlaPolicyAdminController(SlaPolicies policies, BusinessCalendars calendars) {
		this.policies = policies;
		this.calendars = calendars;
	}

	@GetMapping(PATH)
	String list(Viewer viewer, Model model) {
		List<SlaPolicy> list = this.policies.list(viewer);
		model.addAttribute("policies", list);
		model.addAttribute("calendars", this.calendars.names());
		model.addAttribute("priorities", priorities());
		model.addAttribute("canEdit", SlaPolicies.canEdit(viewer));
		return "service/sla-policies";
	}

	@GetMapping(PATH + "/new")
	String newPolicy(Viewer viewer, Model model) {
		requireEditor(viewer);
		model.addAttribute("form", SlaPolicyFormData.defaults(BusinessCalendars.COMPANY));
		return form(null, model);
	}

	@PostMapping(PATH)
	String create(Viewer viewer, @ModelAttribute("form") SlaPolicyFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		requireEditor(viewer);
		Optional<SlaPolicy> created = FormErrors.save(result, model,
				() -> this.policies.create(viewer, form.toDetails()), ex -> FormErrors.addTo(result, forForm(ex)));
		if (created.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Policy '" + created.get().name() + "' added.");
			return "redirect:" + PATH;
		}
		return form(null, model);
	}

	@GetMapping(PATH + "/{id}")
	String edit(Viewer viewer, @PathVariable UUID id, Model model) {
		requireEditor(viewer);
		SlaPolicy policy = this.policies.get(viewer, id);
		model.addAttribute("form", SlaPolicyFormData.of(policy));
		return form(policy, model);
	}

	@PostMapping(PATH + "/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") SlaPolicyFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		requireEditor(viewer);
		SlaPolicy policy = this.policies.get(viewer, id);
		Optional<SlaPolicy> saved = FormErrors.save(result, model,
				() -> this.policies.update(viewer, id, form.getVersion(), form.toDetails()),
				ex -> FormErrors.addTo(result, forForm(ex)));
		if (saved.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Policy '" + saved.get().name() + "' saved.");
			return "redirect:" + PATH;
		}
		return form(policy, model);
	}

	@PostMapping(PATH + "/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		SlaPolicy policy = this.policies.get(viewer, id);
		this.policies.delete(viewer, id);
		redirect.addFlashAttribute("flashSuccess", "Policy '" + policy.name() + "' deleted.");
		return "redirect:" + PATH;
	}

	private String form(SlaPolicy policy, Model model) {
		model.addAttribute("policy", policy);
		model.addAttribute("calendars", this.calendars.names());
		model.addAttribute("tiers", AccountTier.values());
		model.addAttribute("priorities", priorities());
		return "service/sla-policy-form";
	}

	/** Most urgent first, as the targets are read. */
	private static List<CasePriority> priorities() {
		return List.of(CasePriority.URGENT, CasePriority.HIGH, CasePriority.NORMAL, CasePriority.LOW);
	}

	/**
	 * The service names a target {@code targets.URGENT.firstResponse}; the form binds it
	 * as {@code targets[URGENT].firstResponse}.
	 */
	static InvalidInputException forForm(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.fieldErrors().forEach((field, message) -> {
			Matcher matcher = TARGET_FIELD.matcher(field);
			errors.put(matcher.matches() ? "targets[" + matcher.group(1) + "]." + matcher.group(2) : field, message);
		});
		return new InvalidInputException(errors);
	}

	private static void requireEditor(Viewer viewer) {
		if (!SlaPolicies.canEdit(viewer)) {
			throw new ForbiddenException("Only administrators change SLA policies.");
		}
	}

}
