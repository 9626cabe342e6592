package dev.bellwether.marketing.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.listviews.OpenedView;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.LeadFilter;
import dev.bellwether.marketing.LeadStatus;
import dev.bellwether.marketing.Leads;
import dev.bellwether.marketing.SpeedToLead;
import dev.bellwether.marketing.WebLeadForms;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.ListCursors;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.listview.ListQuery;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.platform.web.Htmx;
import dev.bellwether.platform.web.SortLinks;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Lead pages: the list (one URL for the page and, for htmx, just its results), the record
 * page with its status actions, and the create and edit forms.
 */
@Controller
class LeadController {

	private final Leads leads;

	private final UserDirectory users;

	private final RecordOwners owners;

	private final ListCursors cursors;

	private final PickLists pickLists;

	private final ListViews listViews;

	private final SpeedToLead speedToLead;

	private final WebLeadForms webLeadForms;

	LeadController(Leads leads, UserDirectory users, RecordOwners owners, ListCursors cursors, PickLists pickLists,
			ListViews listViews, SpeedToLead speedToLead, WebLeadForms webLeadForms) {
		this.webLeadForms = webLeadForms;
		this.leads = leads;
		this.users = users;
		this.owners = owners;
		this.cursors = cursors;
		this.pickLists = pickLists;
		this.listViews = listViews;
		this.speedToLead = speedToLead;
	}

	@Usage(value = UsageKind.VIEW, recordType = Leads.RECORD_TYPE)
	@GetMapping("/leads")
	String list(Viewer viewer, HttpServletRequest request, Model model) {
		OpenedView opened = this.listViews.open(viewer, Leads.RECORD_TYPE, request.getParameterMap(),
				!Htmx.isHtmx(request));
		ListQuery query = opened.query();
		LeadFilter filter = LeadFilter.of(query);
		Page<Lead> page = this.leads.list(viewer, filter,
				this.cursors.request(query.pageable(), false, request.getParameter("cursor")));
		model.addAttribute("listView", opened);
		model.addAttribute("page", page);
		model.addAttribute("owners", this.users.namesOf(page.map(Lead::ownerId).toSet()));
		model.addAttribute("filter", filter);
		model.addAttribute("sort", SortLinks.of(query.pageable().getSort()));
		model.addAttribute("baseUrl",
				opened.links(ServletUriComponentsBuilder.fromRequest(request)
					.replaceQueryParam("page")
					.replaceQueryParam("cursor")));
		model.addAttribute("filtered",
				StringUtils.hasText(filter.query()) || StringUtils.hasText(filter.status())
						|| StringUtils.hasText(filter.source()) || StringUtils.hasText(filter.country())
						|| filter.ownerId() != null);
		model.addAttribute("statusChoices", statusChoices());
		model.addAttribute("sources", this.pickLists.choices(Leads.SOURCES, filter.source()));
		model.addAttribute("countries", this.pickLists.choices("country", filter.country()));
		model.addAttribute("activeUsers",
				this.users.activeSalesPeople()
					.stream()
					.collect(Collectors.toMap(User::id, User::fullName, (a, b) -> a, LinkedHashMap::new)));
		return Htmx.targets(request, "results") ? "marketing/leads :: results" : "marketing/leads";
	}

	@Usage(value = UsageKind.VIEW, recordType = Leads.RECORD_TYPE)
	@GetMapping("/leads/{id}")
	String show(Viewer viewer, @PathVariable UUID id, Model model) {
		return page(viewer, this.leads.get(viewer, id), model);
	}

	private String page(Viewer viewer, Lead lead, Model model) {
		model.addAttribute("lead", lead);
		model.addAttribute("response", this.speedToLead.responseOf(lead));
		model.addAttribute("canEdit", this.leads.canEdit(viewer, lead));
		model.addAttribute("names",
				this.users
					.namesOf(Arrays.asList(lead.ownerId(), lead.createdBy(), lead.updatedBy(), lead.lastTouchedBy())
						.stream()
						.filter(java.util.Objects::nonNull)
						.collect(Collectors.toSet())));
		model.addAttribute("reasons", this.pickLists.choices(Leads.DISQUALIFY_REASONS, null));
		model.addAttribute("webSubmissions", this.webLeadForms.submissionsOf(lead.id()));
		return "marketing/lead";
	}

	/**
	 * Moves the lead to another status from its page: on a refusal (no reason to
	 * disqualify, a stale page) the page comes back with the message by the action.
	 */
	@PostMapping("/leads/{id}/status")
	String changeStatus(Viewer viewer, @PathVariable UUID id, @RequestParam LeadStatus status,
			@RequestParam(required = false) String disqualifyReason, @RequestParam long version, Model model,
			RedirectAttributes redirect) {
		try {
			Lead lead = this.leads.changeStatus(viewer, id, version, status, disqualifyReason);
			redirect.addFlashAttribute("flashSuccess",
					lead.fullName() + " is " + lead.status().label().toLowerCase(java.util.Locale.ROOT) + " now.");
			return "redirect:/leads/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("statusErrors", ex.fieldErrors());
		}
		catch (StaleRecordException ex) {
			model.addAttribute("statusErrors", Map.of("version", ex.getMessage()));
		}
		model.addAttribute("chosenStatus", status);
		return page(viewer, this.leads.get(viewer, id), model);
	}

	@GetMapping("/leads/new")
	String newLead(Viewer viewer, Model model) {
		LeadFormData form = new LeadFormData();
		form.setOwnerId(viewer.id());
		form.setStatus(LeadStatus.NEW);
		model.addAttribute("form", form);
		return form(viewer, null, form, model);
	}

	@PostMapping("/leads")
	String create(Viewer viewer, @ModelAttribute("form") LeadFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Optional<Lead> created = FormErrors.save(result, model, () -> this.leads.create(viewer, form.toDetails()),
				ex -> FormErrors.addTo(result, ex));
		if (created.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Lead " + created.get().fullName() + " created.");
			return "redirect:/leads/" + created.get().id();
		}
		return form(viewer, null, form, model);
	}

	@GetMapping("/leads/{id}/edit")
	String edit(Viewer viewer, @PathVariable UUID id, Model model) {
		Lead lead = this.leads.get(viewer, id);
		if (!this.leads.canEdit(viewer, lead)) {
			throw new ForbiddenException("You can't change " + lead.fullName()
					+ ": only its owner, the owner's managers, marketing, sales administrators and administrators can.");
		}
		LeadFormData form = LeadFormData.of(lead);
		model.addAttribute("form", form);
		return form(viewer, lead, form, model);
	}

	@PostMapping("/leads/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") LeadFormData form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Lead lead = this.leads.get(viewer, id);
		Optional<Lead> saved = FormErrors.save(result, model,
				() -> this.leads.update(viewer, id, form.getVersion(), form.toDetails()),
				ex -> FormErrors.addTo(result, ex));
		if (saved.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Lead " + saved.get().fullName() + " saved.");
			return "redirect:/leads/" + id;
		}
		return form(viewer, lead, form, model);
	}

	@PostMapping("/leads/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		Lead lead = this.leads.get(viewer, id);
		this.leads.delete(viewer, id);
		redirect.addFlashAttribute("flashSuccess",
				"Lead " + lead.fullName() + " moved to the recycle bin. You can restore it from there.");
		return "redirect:/leads";
	}

	/**
	 * The form, new or edit, with the choices offered: pick list values not retired (and
	 * the one chosen now even when it is), and the owners the viewer may choose.
	 */
	private String form(Viewer viewer, Lead lead, LeadFormData form, Model model) {
		model.addAttribute("lead", lead);
		model.addAttribute("statusChoices", statusChoices());
		model.addAttribute("sources", this.pickLists.choices(Leads.SOURCES, form.getSource()));
		model.addAttribute("countries", this.pickLists.choices("country", form.getCountry()));
		model.addAttribute("reasons", this.pickLists.choices(Leads.DISQUALIFY_REASONS, form.getDisqualifyReason()));
		model.addAttribute("ownerChoices",
				this.owners.choiceNames(viewer, Leads.ACCESS, lead == null ? viewer.id() : lead.ownerId()));
		return "marketing/lead-form";
	}

	private static Map<String, String> statusChoices() {
		Map<String, String> choices = new LinkedHashMap<>();
		for (LeadStatus status : LeadStatus.values()) {
			choices.put(status.name(), status.label());
		}
		return choices;
	}

}
