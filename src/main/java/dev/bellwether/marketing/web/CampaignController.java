package dev.bellwether.marketing.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Campaign;
import dev.bellwether.marketing.CampaignCostRollup;
import dev.bellwether.marketing.CampaignCosts;
import dev.bellwether.marketing.CampaignFilter;
import dev.bellwether.marketing.CampaignMember;
import dev.bellwether.marketing.CampaignMemberAddition;
import dev.bellwether.marketing.CampaignMemberFile;
import dev.bellwether.marketing.CampaignMemberType;
import dev.bellwether.marketing.CampaignMemberStatus;
import dev.bellwether.marketing.CampaignMembers;
import dev.bellwether.marketing.CampaignStatus;
import dev.bellwether.marketing.Campaigns;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.platform.web.Htmx;
import dev.bellwether.platform.web.SortLinks;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Campaign pages: the list (filters in the URL; one URL for the page and, for htmx, its
 * results), the record page with its costs and members, and the create and edit forms.
 */
@Controller
class CampaignController {

	private static final int MEMBERS_SHOWN = 50;

	/** The list's sortable columns, by sort property. */
	private static final Map<String, String> COLUMNS = columns();

	private final Campaigns campaigns;

	private final CampaignCosts costs;

	private final CampaignMembers members;

	private final CampaignMemberNames memberNames;

	private final UserDirectory users;

	private final PickLists pickLists;

	private final JsonMapper json;

	CampaignController(Campaigns campaigns, CampaignCosts costs, CampaignMembers members,
			CampaignMemberNames memberNames, UserDirectory users, PickLists pickLists, JsonMapper json) {
		this.campaigns = campaigns;
		this.costs = costs;
		this.members = members;
		this.memberNames = memberNames;
		this.users = users;
		this.pickLists = pickLists;
		this.json = json;
	}

	@GetMapping("/campaigns")
	String list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) CampaignStatus status, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer year,
			@PageableDefault(size = 25, sort = "startDate", direction = Sort.Direction.DESC) Pageable pageable,
			HttpServletRequest request, Model model) {
		Page<Campaign> page = this.campaigns.list(viewer, new CampaignFilter(q, status, type, year), pageable);
		model.addAttribute("page", page);
		model.addAttribute("owners", this.users.namesOf(ownerIds(page.getContent())));
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("type", type);
		model.addAttribute("year", year);
		model.addAttribute("statuses", CampaignStatus.values());
		model.addAttribute("types", this.pickLists.choices(Campaigns.TYPE_LIST, type));
		model.addAttribute("sort", SortLinks.of(pageable.getSort()));
		model.addAttribute("canSeeRoi", dev.bellwether.marketing.CampaignAttribution.READERS.contains(viewer.role()));
		model.addAttribute("columns", COLUMNS);
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		model.addAttribute("filtered",
				q != null && !q.isBlank() || status != null || type != null && !type.isBlank() || year != null);
		model.addAttribute("canCreate", this.campaigns.canCreate(viewer));
		return Htmx.targets(request, "results") ? "marketing/campaigns :: results" : "marketing/campaigns";
	}

	@Usage(value = UsageKind.VIEW, recordType = "campaign")
	@GetMapping("/campaigns/{id}")
	String show(Viewer viewer, @PathVariable UUID id, Model model) {
		addRecord(viewer, id, model);
		model.addAttribute("costForm", newCostForm());
		return "marketing/campaign";
	}

	@GetMapping("/campaigns/new")
	String newCampaign(Viewer viewer, @RequestParam(required = false) UUID parent, Model model) {
		if (!this.campaigns.canCreate(viewer)) {
			throw new ForbiddenException("Only marketing, sales administrators and administrators create campaigns.");
		}
		CampaignFormData form = new CampaignFormData();
		form.setOwnerId(viewer.id());
		if (parent != null) {
			form.setParentId(parent);
			form.setParentName(this.campaigns.get(viewer, parent).name());
		}
		model.addAttribute("form", form);
		addChoices(model, form, viewer.id());
		return "marketing/campaign-form";
	}

	@PostMapping("/campaigns")
	String create(Viewer viewer, @ModelAttribute("form") CampaignFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Optional<Campaign> created = FormErrors.save(result, model,
				() -> this.campaigns.create(viewer, form.toDetails()), ex -> FormErrors.addTo(result, ex));
		if (created.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Campaign " + created.get().name() + " created.");
			return "redirect:/campaigns/" + created.get().id();
		}
		addChoices(model, form, viewer.id());
		return "marketing/campaign-form";
	}

	@GetMapping("/campaigns/{id}/edit")
	String edit(Viewer viewer, @PathVariable UUID id, Model model) {
		Campaign campaign = this.campaigns.get(viewer, id);
		if (!this.campaigns.canEdit(viewer, campaign)) {
			throw new ForbiddenException("You can't change " + campaign.name()
					+ ": only marketing, sales administrators and administrators can.");
		}
		CampaignFormData form = CampaignFormData.of(campaign);
		model.addAttribute("campaign", campaign);
		model.addAttribute("form", form);
		addChoices(model, form, campaign.ownerId());
		return "marketing/campaign-form";
	}

	@PostMapping("/campaigns/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") CampaignFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Campaign campaign = this.campaigns.get(viewer, id);
		Optional<Campaign> saved = FormErrors.save(result, model,
				() -> this.campaigns.update(viewer, id, form.getVersion(), form.toDetails()),
				ex -> FormErrors.addTo(result, ex));
		if (saved.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Campaign " + saved.get().name() + " saved.");
			return "redirect:/campaigns/" + id;
		}
		model.addAttribute("campaign", campaign);
		addChoices(model, form, campaign.ownerId());
		return "marketing/campaign-form";
	}

	@PostMapping("/campaigns/{id}/costs")
	String addCost(Viewer viewer, @PathVariable UUID id, @ModelAttribute("costForm") CampaignCostFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		boolean added = FormErrors
			.save(result, model, () -> this.costs.add(viewer, id, form.toDetails()), ex -> FormErrors.addTo(result, ex))
			.isPresent();
		if (added) {
			redirect.addFlashAttribute("flashSuccess", "Cost added.");
			return "redirect:/campaigns/" + id + "#costs";
		}
		addRecord(viewer, id, model);
		return "marketing/campaign";
	}

	@PostMapping("/campaigns/{id}/costs/{costId}/delete")
	String removeCost(Viewer viewer, @PathVariable UUID id, @PathVariable UUID costId, RedirectAttributes redirect) {
		this.costs.remove(viewer, id, costId);
		redirect.addFlashAttribute("flashSuccess", "Cost line removed.");
		return "redirect:/campaigns/" + id + "#costs";
	}

	/**
	 * Adds the contacts, or the leads, whose e-mail addresses a CSV file lists.
	 */
	@PostMapping("/campaigns/{id}/members/file")
	String addMembersFromFile(Viewer viewer, @PathVariable UUID id, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "memberType", required = false) CampaignMemberType memberType,
			RedirectAttributes redirect) throws IOException {
		try {
			if (file.isEmpty()) {
				throw new InvalidInputException("file", "Choose a CSV file of e-mail addresses to add.");
			}
			List<String> emails = CampaignMemberFile
				.emails(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8));
			List<CampaignMemberAddition> results = this.members.addByEmail(viewer, id, memberType, emails, null);
			Map<CampaignMemberAddition.Outcome, Long> counts = new LinkedHashMap<>();
			for (CampaignMemberAddition.Outcome outcome : CampaignMemberAddition.Outcome.values()) {
				counts.put(outcome, results.stream().filter(r -> r.outcome() == outcome).count());
			}
			redirect.addFlashAttribute("flashSuccess",
					counts.get(CampaignMemberAddition.Outcome.ADDED) + " added, "
							+ counts.get(CampaignMemberAddition.Outcome.ALREADY_MEMBER) + " already members, "
							+ counts.get(CampaignMemberAddition.Outcome.NOT_FOUND) + " not found.");
			redirect.addFlashAttribute("notFound",
					results.stream()
						.filter(r -> r.outcome() == CampaignMemberAddition.Outcome.NOT_FOUND)
						.map(CampaignMemberAddition::input)
						.toList());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", String.join(" ", ex.fieldErrors().values()));
		}
		return "redirect:/campaigns/" + id + "#members";
	}

	@PostMapping("/campaigns/{id}/members/{memberId}/status")
	String changeMemberStatus(Viewer viewer, @PathVariable UUID id, @PathVariable UUID memberId,
			@RequestParam CampaignMemberStatus status, RedirectAttributes redirect) {
		try {
			this.members.changeStatus(viewer, id, memberId, status, null);
			redirect.addFlashAttribute("flashSuccess", "Member status set to " + status.label().toLowerCase() + ".");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", String.join(" ", ex.fieldErrors().values()));
		}
		return "redirect:/campaigns/" + id + "#members";
	}

	@PostMapping("/campaigns/{id}/members/{memberId}/delete")
	String removeMember(Viewer viewer, @PathVariable UUID id, @PathVariable UUID memberId,
			RedirectAttributes redirect) {
		this.members.remove(viewer, id, memberId);
		redirect.addFlashAttribute("flashSuccess", "Member removed from the campaign.");
		return "redirect:/campaigns/" + id + "#members";
	}

	/**
	 * Campaigns matching the text, for the parent-campaign picker.
	 */
	@Usage(value = UsageKind.VIEW, ignore = true)
	@GetMapping(path = "/campaigns/lookup", produces = "application/json")
	@ResponseBody
	List<Map<String, String>> lookup(Viewer viewer, @RequestParam(defaultValue = "") String q) {
		return this.campaigns.search(viewer, q, 10)
			.stream()
			.map(c -> Map.of("id", c.id().toString(), "label",
					c.name() + (c.startDate() != null ? " · " + c.startDate().getYear() : "")))
			.toList();
	}

	private void addRecord(Viewer viewer, UUID id, Model model) {
		Campaign campaign = this.campaigns.get(viewer, id);
		CampaignCostRollup rollup = this.campaigns.rollup(viewer, id);
		Page<CampaignMember> memberPage = this.members.list(viewer, id, null, PageRequest.of(0, MEMBERS_SHOWN));
		model.addAttribute("campaign", campaign);
		model.addAttribute("canEdit", this.campaigns.canEdit(viewer, campaign));
		model.addAttribute("rollup", rollup);
		model.addAttribute("children", this.campaigns.children(viewer, id));
		model.addAttribute("costs", this.costs.list(viewer, id));
		model.addAttribute("members", memberPage);
		model.addAttribute("memberNames", this.memberNames.of(viewer, memberPage.getContent()));
		model.addAttribute("memberStatuses", CampaignMemberStatus.values());
		model.addAttribute("statusCounts", this.members.statusCounts(viewer, id));
		model.addAttribute("names",
				this.users
					.namesOf(new HashSet<>(Arrays.asList(campaign.ownerId(), campaign.createdBy(), campaign.updatedBy())
						.stream()
						.filter(u -> u != null)
						.toList())));
		model.addAttribute("costChart", this.json.writeValueAsString(costChart(rollup)));
	}

	private static CampaignCostFormData newCostForm() {
		return new CampaignCostFormData();
	}

	/** Budget, own cost and cost with sub-campaigns as bars (see analytics.js). */
	private static Map<String, Object> costChart(CampaignCostRollup rollup) {
		List<String> labels = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		if (rollup.budget() != null) {
			labels.add("Budget");
			values.add(rollup.budget());
		}
		labels.add("Own cost");
		values.add(rollup.ownCost());
		if (rollup.subCampaigns() > 0) {
			labels.add("With sub-campaigns");
			values.add(rollup.costWithSubCampaigns());
		}
		Map<String, Object> series = Map.of("label", "Amount", "data", values, "color", "#0d6efd", "type", "bar",
				"axis", "amount");
		return Map.of("type", "bar", "labels", labels, "series", List.of(series), "links", List.of());
	}

	private void addChoices(Model model, CampaignFormData form, UUID keptOwner) {
		model.addAttribute("types", this.pickLists.choices(Campaigns.TYPE_LIST, form.getType()));
		model.addAttribute("statuses", CampaignStatus.values());
		model.addAttribute("ownerChoices", this.campaigns.ownerChoices(keptOwner));
	}

	private static Map<String, String> columns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("name", "Name");
		columns.put("type", "Type");
		columns.put("status", "Status");
		columns.put("startDate", "Start");
		columns.put("endDate", "End");
		columns.put("budget", "Budget");
		columns.put("actualCost", "Actual cost");
		return columns;
	}

	private static Set<UUID> ownerIds(List<Campaign> campaigns) {
		Set<UUID> ids = new HashSet<>();
		campaigns.forEach(c -> ids.add(c.ownerId()));
		return ids;
	}

}
