package dev.bellwether.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.AttributionModel;
import dev.bellwether.marketing.Campaign;
import dev.bellwether.marketing.CampaignAttribution;
import dev.bellwether.marketing.CampaignAttribution.CampaignRoi;
import dev.bellwether.marketing.CampaignAttribution.RoiReport;
import dev.bellwether.marketing.CampaignFilter;
import dev.bellwether.marketing.CampaignStatus;
import dev.bellwether.marketing.Campaigns;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.MarketingFunnel;
import dev.bellwether.marketing.MarketingFunnel.Funnel;
import dev.bellwether.marketing.MarketingFunnel.Grouping;
import dev.bellwether.marketing.MarketingFunnel.Step;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.sales.Opportunities;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * The figures of the marketing home page, all through the marketing module's public API:
 * the leads waiting ({@link MarketingFunnel#waiting}), the campaigns running
 * ({@link Campaigns}), the ROI of this fiscal year ({@link CampaignAttribution}, with the
 * ROI report's default model) and the year's funnel ({@link MarketingFunnel}); the charts
 * drill into the lists behind them like the sales home pages' charts.
 */
@Service
public class MarketingHomePage {

	/** The model the ROI report opens with. */
	static final AttributionModel MODEL = AttributionModel.LINEAR;

	static final int TOP_CAMPAIGNS = 5;

	private final MarketingFunnel funnel;

	private final Campaigns campaigns;

	private final CampaignAttribution attribution;

	private final Opportunities opportunities;

	private final UserDirectory users;

	private final JsonMapper json;

	MarketingHomePage(MarketingFunnel funnel, Campaigns campaigns, CampaignAttribution attribution,
			Opportunities opportunities, UserDirectory users, JsonMapper json) {
		this.funnel = funnel;
		this.campaigns = campaigns;
		this.attribution = attribution;
		this.opportunities = opportunities;
		this.users = users;
		this.json = json;
	}

	/**
	 * @throws dev.bellwether.platform.ForbiddenException for a viewer who may not read
	 * the ROI report
	 */
	public MarketingHome of(Viewer viewer) {
		Page<Lead> waiting = this.funnel.waiting(viewer, PageRequest.of(0, HomePages.LIST_SIZE));
		Page<Campaign> running = this.campaigns.list(viewer,
				new CampaignFilter(null, CampaignStatus.ACTIVE, null, null),
				PageRequest.of(0, HomePages.LIST_SIZE, Sort.by("startDate")));
		FiscalCalendar.Period year = this.attribution.defaultPeriod();
		RoiReport report = this.attribution.report(viewer, year.start(), year.end(), MODEL);
		BigDecimal cost = sum(report.campaigns(), CampaignRoi::cost);
		BigDecimal won = sum(report.campaigns(), CampaignRoi::wonRevenue);
		BigDecimal roi = cost.signum() == 0 ? null : won.subtract(cost).divide(cost, 4, RoundingMode.HALF_EVEN);
		List<CampaignRoi> top = report.campaigns()
			.stream()
			.filter(r -> r.wonRevenue().signum() > 0 || r.cost().signum() > 0)
			.sorted(Comparator.comparing(CampaignRoi::wonRevenue)
				.reversed()
				.thenComparing(CampaignRoi::cost, Comparator.reverseOrder())
				.thenComparing(CampaignRoi::name))
			.limit(TOP_CAMPAIGNS)
			.toList();
		Funnel funnel = this.funnel.funnel(viewer, year.start(), year.end(), Grouping.SOURCE,
				MarketingFunnel.DEFAULT_LEAK_DAYS);
		String currency = this.opportunities.currency();
		return new MarketingHome(waiting.getContent(), waiting.getTotalElements(),
				this.users.namesOf(waiting.getContent().stream().map(Lead::ownerId).collect(Collectors.toSet())),
				running.getContent(), running.getTotalElements(), year.start(), year.end(), MODEL.label(), currency,
				cost, won, roi, top, write(roiChart(top, currency)), funnel, write(funnelChart(funnel)));
	}

	/**
	 * The year's leads at each lifecycle stage; a click on a bar opens that stage's
	 * leads.
	 */
	static ChartData funnelChart(Funnel funnel) {
		List<BigDecimal> counts = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (Step step : funnel.total().steps()) {
			counts.add(BigDecimal.valueOf(step.count()));
			links.add(funnel.link(null, step.stage()));
		}
		return new ChartData("bar", false, null,
				funnel.total().steps().stream().map(step -> step.stage().label()).toList(),
				List.of(new ChartData.Dataset("Leads", counts, "#0d6efd")), List.of(links));
	}

	/**
	 * Cost against won revenue of the top campaigns; a click on a bar opens the campaign.
	 */
	static ChartData roiChart(List<CampaignRoi> top, String currency) {
		List<String> links = top.stream().map(r -> "/campaigns/" + r.campaignId()).toList();
		return new ChartData("bar", false, currency, top.stream().map(CampaignRoi::name).toList(), List.of(
				new ChartData.Dataset("Cost", top.stream().map(CampaignRoi::cost).toList(), "#adb5bd"),
				new ChartData.Dataset("Won revenue", top.stream().map(CampaignRoi::wonRevenue).toList(), "#2e8b57")),
				List.of(links, links));
	}

	private static BigDecimal sum(List<CampaignRoi> rows, java.util.function.Function<CampaignRoi, BigDecimal> figure) {
		return rows.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private String write(ChartData chart) {
		return this.json.writeValueAsString(chart);
	}

}
