package dev.bellwether.marketing.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.AttributionModel;
import dev.bellwether.marketing.CampaignAttribution;
import dev.bellwether.marketing.CampaignAttribution.CampaignRoi;
import dev.bellwether.marketing.CampaignAttribution.RoiReport;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The campaign ROI report: a period and an attribution model in the URL, a sortable row
 * per campaign, a roll-up per hierarchy, and a chart of cost against won revenue for the
 * top campaigns (with the same figures as a table).
 */
@Controller
class CampaignRoiController {

	private static final int CHARTED = 10;

	private final CampaignAttribution attribution;

	private final JsonMapper json;

	CampaignRoiController(CampaignAttribution attribution, JsonMapper json) {
		this.attribution = attribution;
		this.json = json;
	}

	@Usage(UsageKind.REPORT_VIEW)
	@GetMapping("/campaigns/roi")
	String roi(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(name = "model", required = false) String modelName,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "desc") String dir, Model model) {
		this.attribution.requireReader(viewer);
		FiscalCalendar.Period year = this.attribution.defaultPeriod();
		LocalDate start = from != null ? from : year.start();
		LocalDate end = to != null ? to : (from != null ? from.plusYears(1).minusDays(1) : year.end());
		AttributionModel chosen = AttributionModel.parse(modelName, AttributionModel.LINEAR, "model");
		RoiReport report = this.attribution.report(viewer, start, end, chosen);
		String column = CampaignRoiRows.column(sort);
		boolean ascending = "asc".equalsIgnoreCase(dir);
		List<CampaignRoi> top = CampaignRoiRows.top(report.campaigns(), CHARTED);
		model.addAttribute("report", report);
		model.addAttribute("rows", CampaignRoiRows.sorted(report.campaigns(), column, ascending));
		model.addAttribute("hierarchies", CampaignRoiRows.sorted(report.hierarchies(), column, ascending));
		model.addAttribute("top", top);
		model.addAttribute("chart", this.json.writeValueAsString(chart(top)));
		model.addAttribute("models", AttributionModel.values());
		model.addAttribute("sort", column);
		model.addAttribute("ascending", ascending);
		return "marketing/campaign-roi";
	}

	/** Drawn by {@code analytics.js}: a click on a bar opens the campaign. */
	record Chart(String type, List<String> labels, List<Series> series, List<String> links) {

		record Series(String label, List<Object> data, String color, String type, String axis) {
		}

	}

	private static Chart chart(List<CampaignRoi> top) {
		List<String> labels = new ArrayList<>();
		List<Object> cost = new ArrayList<>();
		List<Object> won = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (CampaignRoi row : top) {
			labels.add(row.name());
			cost.add(row.cost());
			won.add(row.wonRevenue());
			links.add("/campaigns/" + row.campaignId());
		}
		return new Chart("bar", labels, List.of(new Chart.Series("Cost", cost, "#adb5bd", "bar", "amount"),
				new Chart.Series("Won revenue", won, "#0d6efd", "bar", "amount")), links);
	}

}
