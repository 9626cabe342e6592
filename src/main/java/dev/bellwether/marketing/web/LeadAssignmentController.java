package dev.bellwether.marketing.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.LeadAssignment;
import dev.bellwether.marketing.LeadAssignmentAction;
import dev.bellwether.marketing.LeadAssignmentEntry;
import dev.bellwether.marketing.LeadAssignmentRule;
import dev.bellwether.marketing.LeadAssignmentRules;
import dev.bellwether.marketing.LeadDetails;
import dev.bellwether.marketing.Leads;
import dev.bellwether.marketing.RuleAssignment;
import dev.bellwether.marketing.WorldRegion;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Lead assignment pages: the rules (kept by marketing, sales administrators and
 * administrators, with a box to test which rule a lead would match), "reassign by rules"
 * on a lead, and the lead's assignment log (an htmx fragment on its page).
 */
@Controller
class LeadAssignmentController {

	private final LeadAssignmentRules rules;

	private final LeadAssignment assignment;

	private final UserDirectory users;

	private final PickLists pickLists;

	LeadAssignmentController(LeadAssignmentRules rules, LeadAssignment assignment, UserDirectory users,
			PickLists pickLists) {
		this.rules = rules;
		this.assignment = assignment;
		this.users = users;
		this.pickLists = pickLists;
	}

	@Usage(value = UsageKind.VIEW, recordType = LeadAssignmentRules.RECORD_TYPE)
	@GetMapping("/leads/assignment-rules")
	String list(Viewer viewer, @RequestParam(required = false) String testSource,
			@RequestParam(required = false) String testCountry, Model model) {
		List<LeadAssignmentRule> list = this.rules.list(viewer);
		model.addAttribute("rules", list);
		model.addAttribute("names", this.users.namesOf(Stream
			.concat(list.stream().map(LeadAssignmentRule::assigneeId), list.stream().map(r -> r.lastAssignedId()))
			.filter(Objects::nonNull)
			.collect(Collectors.toSet())));
		model.addAttribute("sources", this.pickLists.choices(Leads.SOURCES, testSource));
		model.addAttribute("countries", this.pickLists.choices("country", testCountry));
		model.addAttribute("testSource", testSource);
		model.addAttribute("testCountry", testCountry);
		if (testSource != null || testCountry != null) {
			Optional<RuleAssignment> result = this.assignment.preview(new LeadDetails(null, "Test", null, null, null,
					null, testCountry, testSource, null, null, null, null));
			model.addAttribute("tested", true);
			model.addAttribute("testResult", result.orElse(null));
			result.ifPresent(r -> model.addAttribute("testOwner", this.users.get(r.ownerId()).fullName()));
		}
		return "marketing/assignment-rules";
	}

	@GetMapping("/leads/assignment-rules/new")
	String newRule(Viewer viewer, Model model) {
		this.rules.list(viewer);
		model.addAttribute("form", new LeadAssignmentRuleFormData());
		return form(null, model);
	}

	@PostMapping("/leads/assignment-rules")
	String create(Viewer viewer, @ModelAttribute("form") LeadAssignmentRuleFormData form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Optional<LeadAssignmentRule> created = FormErrors.save(result, model,
				() -> this.rules.create(viewer, form.toDetails()), ex -> FormErrors.addTo(result, ex));
		if (created.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Rule '" + created.get().name() + "' added at the end.");
			return "redirect:/leads/assignment-rules";
		}
		return form(null, model);
	}

	@GetMapping("/leads/assignment-rules/{id}/edit")
	String edit(Viewer viewer, @PathVariable UUID id, Model model) {
		LeadAssignmentRule rule = this.rules.get(viewer, id);
		model.addAttribute("form", LeadAssignmentRuleFormData.of(rule));
		return form(rule, model);
	}

	@PostMapping("/leads/assignment-rules/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") LeadAssignmentRuleFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		LeadAssignmentRule rule = this.rules.get(viewer, id);
		Optional<LeadAssignmentRule> saved = FormErrors.save(result, model,
				() -> this.rules.update(viewer, id, form.getVersion(), form.toDetails()),
				ex -> FormErrors.addTo(result, ex));
		if (saved.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Rule '" + saved.get().name() + "' saved.");
			return "redirect:/leads/assignment-rules";
		}
		return form(rule, model);
	}

	/**
	 * Moves a rule up or down the order; the focus comes back to the same button (its id
	 * in the URL's fragment), so a keyboard user can press it again.
	 */
	@PostMapping("/leads/assignment-rules/{id}/move")
	String move(Viewer viewer, @PathVariable UUID id, @RequestParam String direction) {
		int step = "up".equals(direction) ? -1 : 1;
		this.rules.move(viewer, id, step);
		return "redirect:/leads/assignment-rules#move-" + ("up".equals(direction) ? "up" : "down") + "-" + id;
	}

	@PostMapping("/leads/assignment-rules/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		LeadAssignmentRule rule = this.rules.get(viewer, id);
		this.rules.delete(viewer, id);
		redirect.addFlashAttribute("flashSuccess", "Rule '" + rule.name() + "' deleted.");
		return "redirect:/leads/assignment-rules";
	}

	@Usage(value = UsageKind.UPDATE, recordType = Leads.RECORD_TYPE)
	@PostMapping("/leads/{id}/assign")
	String reassign(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			Lead lead = this.assignment.reassign(viewer, id);
			redirect.addFlashAttribute("flashSuccess",
					lead.fullName() + " is assigned to " + this.users.get(lead.ownerId()).fullName() + " now.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", String.join(" ", ex.fieldErrors().values()));
		}
		return "redirect:/leads/" + id;
	}

	/**
	 * The lead's assignment log, for its page.
	 */
	@GetMapping("/leads/{id}/assignments")
	String assignments(Viewer viewer, @PathVariable UUID id, Model model) {
		List<LeadAssignmentEntry> entries = this.assignment.history(viewer, id);
		model.addAttribute("entries", entries);
		model.addAttribute("names",
				this.users.namesOf(entries.stream()
					.flatMap(e -> Stream.of(e.toOwnerId(), e.fromOwnerId(), e.assignedBy()))
					.filter(Objects::nonNull)
					.collect(Collectors.toSet())));
		return "marketing/lead-assignments :: assignments";
	}

	private String form(LeadAssignmentRule rule, Model model) {
		model.addAttribute("rule", rule);
		model.addAttribute("sources", this.pickLists.choices(Leads.SOURCES, null));
		model.addAttribute("regions", WorldRegion.values());
		model.addAttribute("actions", LeadAssignmentAction.values());
		Map<String, String> teams = new LinkedHashMap<>();
		this.rules.teams().forEach(team -> teams.put(team, team));
		model.addAttribute("teams", teams);
		Map<UUID, String> people = new LinkedHashMap<>();
		this.users.activeSalesPeople().forEach((User user) -> people.put(user.id(), user.fullName()));
		model.addAttribute("people", people);
		return "marketing/assignment-rule-form";
	}

}
