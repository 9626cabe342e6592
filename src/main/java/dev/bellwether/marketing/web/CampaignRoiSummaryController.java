package dev.bellwether.marketing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.AttributionModel;
import dev.bellwether.marketing.CampaignRoiTrend;
import dev.bellwether.marketing.CampaignRoiTrend.Totals;
import dev.bellwether.marketing.CampaignRoiTrend.Trend;
import dev.bellwether.sales.Opportunities;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The "Marketing ROI" card of the executive's and marketing's home pages, loaded by htmx
 * after the page so that the page itself stays as fast as before: the fiscal year so far
 * and a chart of cost against won revenue by quarter, each bar opening the ROI report for
 * its quarter.
 */
@Controller
class CampaignRoiSummaryController {

	private final CampaignRoiTrend trend;

	private final Opportunities opportunities;

	private final JsonMapper json;

	CampaignRoiSummaryController(CampaignRoiTrend trend, Opportunities opportunities, JsonMapper json) {
		this.trend = trend;
		this.opportunities = opportunities;
		this.json = json;
	}

	@GetMapping("/campaigns/roi/summary")
	String summary(Viewer viewer, @RequestParam(name = "model", required = false) String modelName, Model model) {
		Trend trend = this.trend.of(viewer, AttributionModel.parse(modelName, AttributionModel.LINEAR, "model"));
		model.addAttribute("trend", trend);
		model.addAttribute("currency", this.opportunities.currency());
		model.addAttribute("chart", this.json.writeValueAsString(chart(trend, this.opportunities.currency())));
		return "marketing/roi-summary :: summary";
	}

	/**
	 * As the home pages draw charts ({@code home.js}): a click on a bar opens its links.
	 */
	record Chart(String type, boolean stacked, String currency, List<String> labels, List<Dataset> datasets,
			List<List<String>> links) {

		record Dataset(String label, List<BigDecimal> data, String color) {
		}

	}

	private static Chart chart(Trend trend, String currency) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> cost = new ArrayList<>();
		List<BigDecimal> won = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (Totals quarter : trend.quarters()) {
			labels.add(quarter.label());
			cost.add(quarter.cost());
			won.add(quarter.wonRevenue());
			links.add(link(quarter, trend.model()));
		}
		return new Chart("bar", false, currency, labels, List.of(new Chart.Dataset("Cost", cost, "#adb5bd"),
				new Chart.Dataset("Won revenue (influenced)", won, "#0d6efd")), List.of(links, links));
	}

	static String link(Totals totals, AttributionModel model) {
		return UriComponentsBuilder.fromPath("/campaigns/roi")
			.queryParam("from", totals.from())
			.queryParam("to", totals.to())
			.queryParam("model", model.name())
			.build()
			.toUriString();
	}

}
