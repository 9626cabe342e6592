package dev.bellwether.marketing.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Campaign;
import dev.bellwether.marketing.CampaignFilter;
import dev.bellwether.marketing.Campaigns;
import dev.bellwether.marketing.Leads;
import dev.bellwether.marketing.WebLeadForm;
import dev.bellwether.marketing.WebLeadFormCounts;
import dev.bellwether.marketing.WebLeadForms;
import dev.bellwether.marketing.WebLeadPost;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.web.FormErrors;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The web-to-lead forms' pages, for administrators and marketing users (anyone else gets
 * 403 from {@link WebLeadForms}): the list with each form's figures, a form's page with
 * the snippet to copy, the settings form, deactivating and replacing the key.
 */
@Controller
class WebLeadFormController {

	private final WebLeadForms forms;

	private final Campaigns campaigns;

	private final PickLists pickLists;

	private final UserDirectory users;

	WebLeadFormController(WebLeadForms forms, Campaigns campaigns, PickLists pickLists, UserDirectory users) {
		this.forms = forms;
		this.campaigns = campaigns;
		this.pickLists = pickLists;
		this.users = users;
	}

	@GetMapping("/leads/forms")
	String list(Viewer viewer, Model model) {
		model.addAttribute("forms", this.forms.list(viewer));
		model.addAttribute("counts", this.forms.counts(viewer));
		return "marketing/web-lead-forms";
	}

	@GetMapping("/leads/forms/{id}")
	String show(Viewer viewer, @PathVariable UUID id, Model model) {
		WebLeadForm form = this.forms.get(viewer, id);
		String endpoint = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/w2l/{key}")
			.buildAndExpand(form.publicKey())
			.toUriString();
		model.addAttribute("form", form);
		model.addAttribute("counts", this.forms.counts(viewer).getOrDefault(form.id(), new WebLeadFormCounts(0, 0, 0)));
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("snippet", WebLeadSnippets.html(form, endpoint));
		model.addAttribute("fetchExample", WebLeadSnippets.fetch(form, endpoint));
		model.addAttribute("ownerName", this.users.namesOf(java.util.List.of(form.ownerId())).get(form.ownerId()));
		model.addAttribute("campaignName", (form.campaignId() == null) ? null
				: this.campaigns.namesOf(java.util.List.of(form.campaignId())).get(form.campaignId()));
		model.addAttribute("honeypot", WebLeadPost.HONEYPOT_FIELD);
		return "marketing/web-lead-form";
	}

	@GetMapping("/leads/forms/new")
	String newForm(Viewer viewer, Model model) {
		this.forms.list(viewer);
		WebLeadFormData form = new WebLeadFormData();
		form.setLeadSource("Web");
		return edit(viewer, null, form, model);
	}

	@PostMapping("/leads/forms")
	String create(Viewer viewer, @ModelAttribute("form") WebLeadFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Optional<WebLeadForm> created = FormErrors.save(result, model,
				() -> this.forms.create(viewer, form.toDetails()), ex -> FormErrors.addTo(result, ex));
		if (created.isPresent()) {
			redirect.addFlashAttribute("flashSuccess",
					"Form " + created.get().name() + " created: copy its snippet into your web site.");
			return "redirect:/leads/forms/" + created.get().id();
		}
		return edit(viewer, null, form, model);
	}

	@GetMapping("/leads/forms/{id}/edit")
	String editForm(Viewer viewer, @PathVariable UUID id, Model model) {
		WebLeadForm form = this.forms.get(viewer, id);
		return edit(viewer, form, WebLeadFormData.of(form), model);
	}

	@PostMapping("/leads/forms/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") WebLeadFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		WebLeadForm before = this.forms.get(viewer, id);
		Optional<WebLeadForm> saved = FormErrors.save(result, model,
				() -> this.forms.update(viewer, id, form.getVersion(), form.toDetails()),
				ex -> FormErrors.addTo(result, ex));
		if (saved.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Form " + saved.get().name() + " saved.");
			return "redirect:/leads/forms/" + id;
		}
		return edit(viewer, before, form, model);
	}

	@PostMapping("/leads/forms/{id}/active")
	String activate(Viewer viewer, @PathVariable UUID id, @RequestParam long version, @RequestParam boolean active,
			RedirectAttributes redirect) {
		WebLeadForm form = this.forms.get(viewer, id);
		WebLeadFormData data = WebLeadFormData.of(form);
		data.setActive(active);
		try {
			this.forms.update(viewer, id, version, data.toDetails());
			redirect.addFlashAttribute("flashSuccess", active ? "Form " + form.name() + " takes posts again."
					: "Form " + form.name() + " deactivated: its key answers 404 until it is active again.");
		}
		catch (StaleRecordException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/leads/forms/" + id;
	}

	@PostMapping("/leads/forms/{id}/rotate-key")
	String rotateKey(Viewer viewer, @PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
		try {
			this.forms.rotateKey(viewer, id, version);
			redirect.addFlashAttribute("flashSuccess",
					"New key made: the old one no longer works, so replace the snippet on your web site.");
		}
		catch (StaleRecordException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/leads/forms/" + id;
	}

	private String edit(Viewer viewer, WebLeadForm form, WebLeadFormData data, Model model) {
		model.addAttribute("webForm", form);
		model.addAttribute("form", data);
		model.addAttribute("sources", this.pickLists.choices(Leads.SOURCES, data.getLeadSource()));
		Map<String, String> owners = new LinkedHashMap<>();
		for (User user : this.users.activeSalesPeople()) {
			owners.put(user.id().toString(), user.fullName());
		}
		model.addAttribute("ownerChoices", owners);
		Map<String, String> campaignChoices = new LinkedHashMap<>();
		for (Campaign campaign : this.campaigns
			.list(viewer, CampaignFilter.all(), PageRequest.of(0, 500, Sort.by("name")))
			.getContent()) {
			campaignChoices.put(campaign.id().toString(), campaign.name());
		}
		if (data.getCampaignId() != null) {
			campaignChoices.putIfAbsent(data.getCampaignId().toString(), data.getCampaignId().toString());
		}
		model.addAttribute("campaignChoices", campaignChoices);
		return "marketing/web-lead-form-edit";
	}

}
