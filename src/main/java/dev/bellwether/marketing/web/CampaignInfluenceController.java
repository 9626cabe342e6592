package dev.bellwether.marketing.web;

import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.AttributionModel;
import dev.bellwether.marketing.CampaignAttribution;
import dev.bellwether.marketing.CampaignAttribution.DealAttribution;
import dev.bellwether.marketing.Campaigns;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "Campaign influence" card of a deal's page (loaded by htmx, as the timeline is):
 * the campaigns that touched the deal's people before it was created and while it was
 * open, and each one's share of its amount under the chosen model. Whoever may see the
 * deal sees it, so a rep sees the campaigns their deals were influenced by.
 */
@Controller
class CampaignInfluenceController {

	private final CampaignAttribution attribution;

	CampaignInfluenceController(CampaignAttribution attribution) {
		this.attribution = attribution;
	}

	@GetMapping("/campaigns/influence/{opportunityId}")
	String influence(Viewer viewer, @PathVariable UUID opportunityId,
			@RequestParam(name = "model", required = false) String modelName, Model model) {
		DealAttribution deal = this.attribution.ofDeal(viewer, opportunityId,
				AttributionModel.parse(modelName, AttributionModel.LINEAR, "model"));
		model.addAttribute("influence", deal);
		model.addAttribute("models", AttributionModel.values());
		model.addAttribute("readsCampaigns", Campaigns.ACCESS.readsAll().contains(viewer.role()));
		return "marketing/influence :: influence";
	}

}
