package dev.bellwether.service.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.service.SatisfactionReport;
import dev.bellwether.service.ServiceSatisfaction;
import dev.bellwether.service.ServiceSatisfaction.Grouping;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Customer satisfaction (CSAT and NPS from answered case surveys) for the people who work
 * cases and their managers: the page {@code /cases/satisfaction} and
 * {@code GET /api/v1/service/satisfaction}, over the last twelve months unless a period
 * is chosen.
 */
@Controller
@Tag(name = "Service satisfaction",
		description = "CSAT and NPS from the surveys customers answered after their cases were resolved, by agent, "
				+ "team, product or account, with the monthly trend and the latest comments; over the cases the "
				+ "caller may see.")
class SatisfactionController {

	private final ServiceSatisfaction satisfaction;

	private final BusinessCalendars calendars;

	private final Clock clock;

	private final JsonMapper json;

	SatisfactionController(ServiceSatisfaction satisfaction, BusinessCalendars calendars, Clock clock,
			JsonMapper json) {
		this.json = json;
		this.satisfaction = satisfaction;
		this.calendars = calendars;
		this.clock = clock;
	}

	@GetMapping("/cases/satisfaction")
	@Usage(UsageKind.REPORT_VIEW)
	String page(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by, Model model) {
		SatisfactionReport report = report(viewer, from, to, by);
		model.addAttribute("report", report);
		model.addAttribute("groupings", Grouping.values());
		model.addAttribute("chart", this.json.writeValueAsString(chart(report)));
		return "service/satisfaction";
	}

	@GetMapping("/api/v1/service/satisfaction")
	@ResponseBody
	@Operation(summary = "Customer satisfaction over a period",
			description = "from and to are days answered (both included; default the last twelve months); by is "
					+ "agent (default), team, product or account. CSAT = satisfied (4–5) ÷ (satisfied + "
					+ "dissatisfied (1–2)) × 100; NPS = % promoters (9–10) − % detractors (0–6).")
	SatisfactionReport api(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by) {
		return report(viewer, from, to, by);
	}

	private SatisfactionReport report(Viewer viewer, LocalDate from, LocalDate to, String by) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		LocalDate end = to != null ? to : (from != null ? from.plusYears(1).minusDays(1) : today);
		LocalDate start = from != null ? from : end.minusMonths(11).withDayOfMonth(1);
		return this.satisfaction.report(viewer, start, end, Grouping.parse(by, "by"));
	}

	/**
	 * The monthly trend as the analytics charts draw it (static/js/analytics.js): surveys
	 * answered as bars, CSAT and NPS as lines (a gap where a month had none), each month
	 * opening the report for that month.
	 */
	private static Map<String, Object> chart(SatisfactionReport report) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> csat = new ArrayList<>();
		List<BigDecimal> nps = new ArrayList<>();
		List<Long> answered = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (SatisfactionReport.Month month : report.trend()) {
			labels.add(month.month().toString());
			csat.add(month.figures().csat());
			nps.add(month.figures().nps());
			answered.add(month.figures().answered());
			links.add(UriComponentsBuilder.fromPath("/cases/satisfaction")
				.queryParam("from", month.month().atDay(1))
				.queryParam("to", month.month().atEndOfMonth())
				.queryParam("by", report.by().name().toLowerCase(Locale.ROOT))
				.toUriString());
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "bar");
		chart.put("labels", labels);
		chart.put("series", List.of(series("Surveys answered", answered, "bar", "count", "#9ec5fe"),
				series("CSAT %", csat, "line", "percent", "#1f4e79"), series("NPS", nps, "line", "nps", "#b35c00")));
		chart.put("links", links);
		return chart;
	}

	private static Map<String, Object> series(String label, List<?> data, String type, String axis, String color) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("label", label);
		series.put("data", data);
		series.put("type", type);
		series.put("axis", axis);
		series.put("color", color);
		return series;
	}

}
