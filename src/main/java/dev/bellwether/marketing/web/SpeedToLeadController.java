package dev.bellwether.marketing.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.LeadResponseTargets;
import dev.bellwether.marketing.SpeedToLead;
import dev.bellwether.marketing.SpeedToLead.Figures;
import dev.bellwether.marketing.web.CampaignRoiController.Chart;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /leads/speed}: speed to lead over a period by source and by owner, a chart of
 * each source's share within target and median business minutes, and the open breaches.
 * For marketing, managers, sales administrators, executives and administrators.
 */
@Controller
class SpeedToLeadController {

	static final int BREACHES_SHOWN = 50;

	private final SpeedToLead speedToLead;

	private final LeadResponseTargets targets;

	private final JsonMapper json;

	SpeedToLeadController(SpeedToLead speedToLead, LeadResponseTargets targets, JsonMapper json) {
		this.speedToLead = speedToLead;
		this.targets = targets;
		this.json = json;
	}

	@GetMapping("/leads/speed")
	String speed(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		this.speedToLead.requireReader(viewer);
		List<LocalDate> period = this.speedToLead.defaultPeriod();
		LocalDate start = (from != null) ? from : (to != null ? to.minusDays(29) : period.get(0));
		LocalDate end = (to != null) ? to : (from != null ? from.plusDays(29) : period.get(1));
		SpeedToLead.Summary summary = this.speedToLead.summary(viewer, start, end);
		model.addAttribute("summary", summary);
		model.addAttribute("chart", this.json.writeValueAsString(chart(summary.bySource())));
		model.addAttribute("canEditTargets", this.targets.canEdit(viewer));
		model.addAttribute("breaches", this.speedToLead.breaches(viewer, BREACHES_SHOWN));
		return "marketing/speed";
	}

	/** Each source's share within target (bars, percent) and median minutes (line). */
	private static Chart chart(List<Figures> bySource) {
		List<String> labels = new ArrayList<>();
		List<Object> within = new ArrayList<>();
		List<Object> median = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (Figures row : bySource) {
			labels.add(row.label());
			within.add(row.withinTargetPercent());
			median.add(row.medianMinutes());
			links.add(null);
		}
		return new Chart("bar", labels,
				List.of(new Chart.Series("Within target (%)", within, "#198754", "bar", "percent"),
						new Chart.Series("Median business minutes to response", median, "#0d6efd", "line", "minutes")),
				links);
	}

}
