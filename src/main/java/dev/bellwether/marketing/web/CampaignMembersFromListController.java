package dev.bellwether.marketing.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Campaign;
import dev.bellwether.marketing.CampaignFilter;
import dev.bellwether.marketing.CampaignMemberAddition;
import dev.bellwether.marketing.CampaignMemberAddition.Outcome;
import dev.bellwether.marketing.CampaignMemberStatus;
import dev.bellwether.marketing.CampaignMemberType;
import dev.bellwether.marketing.CampaignMembers;
import dev.bellwether.marketing.CampaignStatus;
import dev.bellwether.marketing.Campaigns;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.edit.BulkChanges;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Add to a campaign" in the bulk bar of the leads and contacts lists: the rows ticked,
 * or all that match the list's filters (as a bulk change selects them), become members of
 * a campaign the user may change, as "sent".
 */
@Controller
class CampaignMembersFromListController {

	private static final String FILTER = "filter.";

	private static final Map<String, CampaignMemberType> LISTS = Map.of("leads", CampaignMemberType.LEAD, "contacts",
			CampaignMemberType.CONTACT);

	private static final int PICKABLE = 200;

	private final Campaigns campaigns;

	private final CampaignMembers members;

	private final BulkChanges bulk;

	CampaignMembersFromListController(Campaigns campaigns, CampaignMembers members, BulkChanges bulk) {
		this.campaigns = campaigns;
		this.members = members;
		this.bulk = bulk;
	}

	/** The campaigns the bulk bar offers: planned and active ones the user may change. */
	@GetMapping("/campaigns/pickable")
	@ResponseBody
	List<PickableCampaign> pickable(Viewer viewer) {
		if (!this.campaigns.canCreate(viewer)) {
			return List.of();
		}
		return this.campaigns.list(viewer, CampaignFilter.all(), PageRequest.of(0, PICKABLE, Sort.by("name")))
			.getContent()
			.stream()
			.filter(c -> EnumSet.of(CampaignStatus.PLANNED, CampaignStatus.ACTIVE).contains(c.status()))
			.filter(c -> this.campaigns.canEdit(viewer, c))
			.map(c -> new PickableCampaign(c.id(), c.name(), c.status().label()))
			.toList();
	}

	record PickableCampaign(UUID id, String name, String status) {
	}

	@PostMapping("/campaigns/members/from-list/{collection}")
	String add(Viewer viewer, @PathVariable String collection, @RequestParam(required = false) UUID campaignId,
			@RequestParam(required = false) List<UUID> ids, @RequestParam(defaultValue = "false") boolean all,
			@RequestParam Map<String, String> parameters, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		CampaignMemberType type = LISTS.get(collection);
		if (type == null) {
			throw new RecordNotFoundException("list", collection);
		}
		Map<String, String> filters = new LinkedHashMap<>();
		parameters.forEach((name, text) -> {
			if (name.startsWith(FILTER)) {
				filters.put(name.substring(FILTER.length()), text);
			}
		});
		try {
			if (campaignId == null) {
				throw new InvalidInputException("campaignId", "Choose the campaign to add them to.");
			}
			Campaign campaign = this.campaigns.get(viewer, campaignId);
			List<UUID> chosen = this.bulk.selection(viewer.id(), collection, ids, all, filters,
					CampaignMembers.MAX_PER_ADDITION);
			List<CampaignMemberAddition> outcomes = this.members.add(viewer, campaign.id(), type, chosen,
					CampaignMemberStatus.SENT);
			long added = outcomes.stream().filter(o -> o.outcome() == Outcome.ADDED).count();
			long already = outcomes.stream().filter(o -> o.outcome() == Outcome.ALREADY_MEMBER).count();
			long missing = outcomes.stream().filter(o -> o.outcome() == Outcome.NOT_FOUND).count();
			StringBuilder message = new StringBuilder(
					"Added " + added + " " + (type == CampaignMemberType.LEAD ? "lead" : "contact")
							+ (added == 1 ? "" : "s") + " to " + campaign.name() + ".");
			if (already > 0) {
				message.append(" ")
					.append(already)
					.append(already == 1 ? " was" : " were")
					.append(" a member already.");
			}
			if (missing > 0) {
				message.append(" ").append(missing).append(" could not be found (deleted, or not yours to see).");
			}
			redirect.addFlashAttribute("flashSuccess", message.toString());
			return "redirect:/campaigns/" + campaign.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("back", request.getHeader("Referer"));
			return "platform/bulk";
		}
	}

}
