package dev.bellwether.marketing.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.MarketingFunnel;
import dev.bellwether.marketing.MarketingFunnel.Funnel;
import dev.bellwether.marketing.MarketingFunnel.Grouping;
import dev.bellwether.marketing.MarketingFunnel.Leak;
import dev.bellwether.marketing.MarketingFunnel.Slice;
import dev.bellwether.marketing.MarketingFunnel.Stage;
import dev.bellwether.marketing.MarketingFunnel.Step;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The funnel and hand-off page: a period, a breakdown by source or campaign, a chart of
 * the stages (a click on a bar opens its leads), the table of conversions and median
 * times, and the leaks; and the list of the leads behind any of these figures.
 */
@Controller
class FunnelController {

	static final int PAGE_SIZE = 50;

	private final MarketingFunnel funnel;

	private final UserDirectory users;

	private final JsonMapper json;

	FunnelController(MarketingFunnel funnel, UserDirectory users, JsonMapper json) {
		this.funnel = funnel;
		this.users = users;
		this.json = json;
	}

	@Usage(UsageKind.REPORT_VIEW)
	@GetMapping("/marketing/funnel")
	String funnel(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by,
			@RequestParam(defaultValue = "" + MarketingFunnel.DEFAULT_LEAK_DAYS) int days, Model model) {
		FiscalCalendar.Period period = period(from, to);
		Funnel report = this.funnel.funnel(viewer, period.start(), period.end(), Grouping.parse(by, "by"), days);
		model.addAttribute("funnel", report);
		model.addAttribute("stages", Stage.values());
		model.addAttribute("chart", this.json.writeValueAsString(chart(report)));
		return "marketing/funnel";
	}

	@Usage(value = UsageKind.VIEW, recordType = "lead")
	@GetMapping("/marketing/funnel/leads")
	String leads(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by, @RequestParam(required = false) String group,
			@RequestParam(required = false) String stage, @RequestParam(required = false) String leak,
			@RequestParam(defaultValue = "" + MarketingFunnel.DEFAULT_LEAK_DAYS) int days,
			@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		FiscalCalendar.Period period = period(from, to);
		Slice slice = new Slice(period.start(), period.end(), Grouping.parse(by, "by"), group,
				(stage == null || stage.isBlank()) ? Stage.LEAD : Stage.parse(stage, "stage"),
				(leak == null || leak.isBlank()) ? null : Leak.parse(leak, "leak"), days);
		Page<Lead> leads = this.funnel.leads(viewer, slice, PageRequest.of(Math.max(0, page), PAGE_SIZE));
		model.addAttribute("slice", slice);
		model.addAttribute("page", leads);
		model.addAttribute("owners", this.users.namesOf(leads.map(Lead::ownerId).toSet()));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		model.addAttribute("funnelUrl", funnelUrl(slice.from(), slice.to(), slice.by(), slice.leakDays()));
		return "marketing/funnel-leads";
	}

	private FiscalCalendar.Period period(LocalDate from, LocalDate to) {
		FiscalCalendar.Period year = this.funnel.defaultPeriod();
		LocalDate start = from != null ? from : year.start();
		LocalDate end = to != null ? to : (from != null ? from.plusYears(1).minusDays(1) : year.end());
		return new FiscalCalendar.Period(start, end);
	}

	private static String funnelUrl(LocalDate from, LocalDate to, Grouping by, int days) {
		return UriComponentsBuilder.fromPath("/marketing/funnel")
			.queryParam("from", from)
			.queryParam("to", to)
			.queryParam("by", by.name().toLowerCase(java.util.Locale.ROOT))
			.queryParam("days", days)
			.toUriString();
	}

	/** Drawn by {@code analytics.js}: a click on a bar opens the stage's leads. */
	record Chart(String type, List<String> labels, List<Series> series, List<String> links) {

		record Series(String label, List<Object> data, String color, String type, String axis) {
		}

	}

	private static Chart chart(Funnel funnel) {
		List<String> labels = new ArrayList<>();
		List<Object> counts = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (Step step : funnel.total().steps()) {
			labels.add(step.stage().label());
			counts.add(step.count());
			links.add(funnel.link(null, step.stage()));
		}
		return new Chart("bar", labels, List.of(new Chart.Series("Leads", counts, "#0d6efd", "bar", "count")), links);
	}

}
