package dev.bellwether.service.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.Products;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.CaseQueue;
import dev.bellwether.service.CaseQueues;
import dev.bellwether.service.OnboardingRule;
import dev.bellwether.service.OnboardingRules;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/onboarding-rules}: administrators decide which won deals open an
 * onboarding case, in which queue and at which priority. Set-up, so usage capture leaves
 * it out.
 */
@Controller
@Usage(value = UsageKind.VIEW, ignore = true)
class OnboardingRuleAdminController {

	static final String PATH = "/admin/onboarding-rules";

	private final OnboardingRules rules;

	private final CaseQueues queues;

	private final Products products;

	OnboardingRuleAdminController(OnboardingRules rules, CaseQueues queues, Products products) {
		this.rules = rules;
		this.queues = queues;
		this.products = products;
	}

	@GetMapping(PATH)
	String list(Viewer viewer, Model model) {
		java.util.List<OnboardingRule> list = this.rules.list(viewer);
		Map<UUID, String> productNames = new LinkedHashMap<>();
		list.stream()
			.map(OnboardingRule::productId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.forEach(id -> productNames.put(id, this.products.find(id).map(Product::name).orElse("A deleted product")));
		model.addAttribute("rules", list);
		model.addAttribute("queueNames", queueNames());
		model.addAttribute("productNames", productNames);
		return "service/onboarding-rules";
	}

	@GetMapping(PATH + "/new")
	String newRule(Viewer viewer, Model model) {
		requireEditor(viewer);
		model.addAttribute("form", new OnboardingRuleFormData());
		return form(null, model);
	}

	@PostMapping(PATH)
	String create(Viewer viewer, @ModelAttribute("form") OnboardingRuleFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		requireEditor(viewer);
		Optional<OnboardingRule> created = FormErrors.save(result, model,
				() -> this.rules.create(viewer, form.toDetails()), ex -> FormErrors.addTo(result, ex));
		if (created.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Rule '" + created.get().name() + "' added.");
			return "redirect:" + PATH;
		}
		return form(null, model);
	}

	@GetMapping(PATH + "/{id}")
	String edit(Viewer viewer, @PathVariable UUID id, Model model) {
		OnboardingRule rule = this.rules.get(viewer, id);
		model.addAttribute("form", OnboardingRuleFormData.of(rule));
		return form(rule, model);
	}

	@PostMapping(PATH + "/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") OnboardingRuleFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		OnboardingRule rule = this.rules.get(viewer, id);
		Optional<OnboardingRule> saved = FormErrors.save(result, model,
				() -> this.rules.update(viewer, id, form.getVersion(), form.toDetails()),
				ex -> FormErrors.addTo(result, ex));
		if (saved.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Rule '" + saved.get().name() + "' saved.");
			return "redirect:" + PATH;
		}
		return form(rule, model);
	}

	@PostMapping(PATH + "/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		OnboardingRule rule = this.rules.get(viewer, id);
		this.rules.delete(viewer, id);
		redirect.addFlashAttribute("flashSuccess", "Rule '" + rule.name() + "' deleted.");
		return "redirect:" + PATH;
	}

	private String form(OnboardingRule rule, Model model) {
		model.addAttribute("rule", rule);
		model.addAttribute("queueChoices", queueNames());
		model.addAttribute("productChoices", productChoices());
		Map<String, String> priorities = new LinkedHashMap<>();
		for (CasePriority priority : CasePriority.values()) {
			priorities.put(priority.name(), priority.label());
		}
		model.addAttribute("priorityChoices", priorities);
		return "service/onboarding-rule-form";
	}

	private Map<UUID, String> queueNames() {
		Map<UUID, String> names = new LinkedHashMap<>();
		for (CaseQueue queue : this.queues.all()) {
			names.put(queue.id(), queue.name());
		}
		return names;
	}

	/**
	 * @return the products on sale, by name
	 */
	private Map<UUID, String> productChoices() {
		Map<UUID, String> names = new LinkedHashMap<>();
		for (Product product : this.products.active()) {
			names.put(product.id(), product.name());
		}
		return names;
	}

	private static void requireEditor(Viewer viewer) {
		if (!OnboardingRules.canEdit(viewer)) {
			throw new ForbiddenException("Only administrators keep the onboarding rules.");
		}
	}

}
