package dev.bellwether.marketing.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.AttributionModel;
import dev.bellwether.marketing.CampaignAttribution;
import dev.bellwether.marketing.CampaignAttribution.CampaignRoi;
import dev.bellwether.marketing.CampaignAttribution.DealAttribution;
import dev.bellwether.marketing.CampaignAttribution.RoiReport;
import dev.bellwether.marketing.CampaignMemberType;
import dev.bellwether.platform.FiscalCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaign ROI over a period and a deal's attribution, by a model (docs/marketing.md,
 * <i>Attribution and ROI</i>).
 */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaign attribution",
		description = "Campaign ROI and deal attribution by model (first-touch, last-touch, linear, u-shaped, "
				+ "w-shaped). The report: marketing, sales administrators, executives and administrators only "
				+ "(others: 403); a deal's attribution: also whoever may see the deal.")
class CampaignRoiApiController {

	private final CampaignAttribution attribution;

	CampaignRoiApiController(CampaignAttribution attribution) {
		this.attribution = attribution;
	}

	/**
	 * @param roi (won revenue − cost) ÷ cost as a fraction; {@code null} when nothing was
	 * spent
	 */
	record CampaignRoiResource(UUID campaignId, String name, UUID parentId, int subCampaigns, BigDecimal cost,
			long leads, long convertedLeads, long opportunities, BigDecimal pipeline, BigDecimal sourcedPipeline,
			long wonDeals, BigDecimal wonRevenue, BigDecimal sourcedRevenue, BigDecimal costPerLead,
			BigDecimal costPerOpportunity, BigDecimal roi) {

		static CampaignRoiResource of(CampaignRoi r) {
			return new CampaignRoiResource(r.campaignId(), r.name(), r.parentId(), r.subCampaigns(), r.cost(),
					r.leads(), r.convertedLeads(), r.opportunities(), r.pipeline(), r.sourcedPipeline(), r.wonDeals(),
					r.wonRevenue(), r.sourcedRevenue(), r.costPerLead(), r.costPerOpportunity(), r.roi());
		}

	}

	record RoiResource(LocalDate from, LocalDate to, AttributionModel model, int deals,
			List<CampaignRoiResource> campaigns, List<CampaignRoiResource> hierarchies) {

	}

	record TouchResource(UUID campaignId, String campaignName, Instant at, CampaignMemberType memberType, UUID memberId,
			boolean leadCreation, boolean opportunityCreation, BigDecimal share) {

	}

	record AttributionResource(UUID opportunityId, String name, BigDecimal amount, Instant createdAt, Instant closedAt,
			String outcome, AttributionModel model, UUID sourceCampaignId, List<TouchResource> touches) {

	}

	@GetMapping("/roi")
	@Operation(summary = "Campaign ROI over a period",
			description = "Per campaign and per hierarchy: cost, leads, converted leads, opportunities, pipeline, "
					+ "won revenue (by the model), sourced pipeline and revenue, cost per lead and per "
					+ "opportunity, ROI. from and to are days (both included; default the current fiscal year); "
					+ "model defaults to linear.")
	RoiResource roi(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String model) {
		this.attribution.requireReader(viewer);
		FiscalCalendar.Period year = this.attribution.defaultPeriod();
		LocalDate start = from != null ? from : year.start();
		LocalDate end = to != null ? to : (from != null ? from.plusYears(1).minusDays(1) : year.end());
		RoiReport report = this.attribution.report(viewer, start, end,
				AttributionModel.parse(model, AttributionModel.LINEAR, "model"));
		return new RoiResource(report.from(), report.to(), report.model(), report.deals(),
				report.campaigns().stream().map(CampaignRoiResource::of).toList(),
				report.hierarchies().stream().map(CampaignRoiResource::of).toList());
	}

	@GetMapping("/attribution/{opportunityId}")
	@Operation(summary = "A deal's campaign touches and each one's share of its amount",
			description = "The touches in time order, the lead- and opportunity-creation touches marked; the shares "
					+ "add up to the deal's amount to the cent. model defaults to linear. Whoever may see the deal may "
					+ "read it (a rep, the campaigns their deals were influenced by); 404 for a deal one may not see.")
	AttributionResource attribution(Viewer viewer, @PathVariable UUID opportunityId,
			@RequestParam(required = false) String model) {
		DealAttribution a = this.attribution.ofDeal(viewer, opportunityId,
				AttributionModel.parse(model, AttributionModel.LINEAR, "model"));
		return new AttributionResource(a.deal().id(), a.deal().name(), a.deal().amount(), a.deal().createdAt(),
				a.deal().closedAt(), a.deal().outcome().name(), a.model(), a.sourceCampaignId(),
				a.touches()
					.stream()
					.map(t -> new TouchResource(t.campaignId(), t.campaignName(), t.at(), t.memberType(), t.memberId(),
							t.leadCreation(), t.opportunityCreation(), t.share()))
					.toList());
	}

}
