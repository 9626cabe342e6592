package dev.bellwether.service.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.service.CaseFilter;
import dev.bellwether.service.ServiceHome;
import dev.bellwether.service.ServiceHome.CaseLine;
import dev.bellwether.service.ServiceHome.ServiceHomePage;
import dev.bellwether.service.ServiceOverview;
import dev.bellwether.service.ServiceOverviewReport;
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
 * The service home page ({@code /service}, where service users land after signing in) and
 * the executive service view ({@code /service/overview} and
 * {@code GET /api/v1/service/overview}), over the last twelve months unless a period is
 * chosen. Every figure links to the cases behind it ({@code /cases} with the filters of
 * {@link CaseFilter.Drill}).
 */
@Controller
@Tag(name = "Service overview",
		description = "The executive service view: SLA attainment, the backlog and its age, cases opened and resolved, "
				+ "CSAT and NPS by month; over the cases the caller may see.")
class ServiceHomeController {

	private final ServiceHome home;

	private final ServiceOverview overview;

	private final BusinessCalendars calendars;

	private final Clock clock;

	private final JsonMapper json;

	ServiceHomeController(ServiceHome home, ServiceOverview overview, BusinessCalendars calendars, Clock clock,
			JsonMapper json) {
		this.home = home;
		this.overview = overview;
		this.calendars = calendars;
		this.clock = clock;
		this.json = json;
	}

	@GetMapping("/service")
	@Usage(UsageKind.DASHBOARD_VIEW)
	String home(Viewer viewer, Model model) {
		ServiceHomePage page = this.home.of(viewer);
		Map<UUID, String> countdowns = new LinkedHashMap<>();
		for (ServiceHome.Listed listed : List.of(page.mine(), page.atRisk(), page.breached(), page.unassigned(),
				page.waiting())) {
			for (CaseLine line : listed.cases()) {
				countdowns.put(line.supportCase().id(), countdown(line, page));
			}
		}
		model.addAttribute("page", page);
		model.addAttribute("countdowns", countdowns);
		model.addAttribute("waitingDays", ServiceHome.WAITING_TOO_LONG.toDays());
		model.addAttribute("mayViewOverview", this.overview.mayView(viewer));
		return "service/home";
	}

	@GetMapping("/service/overview")
	@Usage(UsageKind.REPORT_VIEW)
	String overview(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		ServiceOverviewReport report = report(viewer, from, to);
		model.addAttribute("report", report);
		model.addAttribute("flowChart", this.json.writeValueAsString(flowChart(report)));
		model.addAttribute("satisfactionChart", this.json.writeValueAsString(satisfactionChart(report)));
		model.addAttribute("ageChart", this.json.writeValueAsString(ageChart(report)));
		return "service/overview";
	}

	@GetMapping("/api/v1/service/overview")
	@ResponseBody
	@Operation(summary = "The executive service view over a period",
			description = "from and to are days (both included, company time zone; default the last twelve months). "
					+ "SLA attainment per target = met ÷ (met + breached) among the targets decided in the period "
					+ "(met when done by the due time, in the period; breached when the due time passed in the "
					+ "period). Backlog = cases new, open or waiting on the customer now, by status and age "
					+ "(now − opened: under 1 day, 1–3, 3–7, 7–30, over 30 days) and their median age in days. "
					+ "Months: cases opened, cases resolved (by resolution time) and the satisfaction of the surveys "
					+ "answered (CSAT = satisfied (4–5) ÷ (satisfied + dissatisfied (1–2)); NPS = % promoters − % "
					+ "detractors). costPerCase and crossSellRevenue are null until those figures are available. "
					+ "For executives, administrators and the service desk's managers (403 for others).")
	ServiceOverviewReport api(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return report(viewer, from, to);
	}

	private ServiceOverviewReport report(Viewer viewer, LocalDate from, LocalDate to) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		LocalDate end = to != null ? to : (from != null ? from.plusYears(1).minusDays(1) : today);
		LocalDate start = from != null ? from : end.minusMonths(11).withDayOfMonth(1);
		return this.overview.report(viewer, start, end);
	}

	/**
	 * "due in 2 h 10 min", "overdue by 35 min", "paused" — wall-clock time to the stored
	 * due instant of the case's next target.
	 */
	private static String countdown(CaseLine line, ServiceHomePage page) {
		if (line.slaMetric() == null) {
			return "No SLA target running";
		}
		String target = line.slaMetric().label();
		Duration left = line.leftAt(page.asOf());
		if (left == null) {
			return target + ": " + line.slaState().label().toLowerCase(java.util.Locale.ROOT);
		}
		return left.isNegative() ? target + " overdue by " + SlaText.duration(left)
				: target + " due in " + SlaText.duration(left);
	}

	/** Opened and resolved cases by month, each month opening the cases opened in it. */
	private static Map<String, Object> flowChart(ServiceOverviewReport report) {
		List<String> labels = new ArrayList<>();
		List<Long> opened = new ArrayList<>();
		List<Long> resolved = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (ServiceOverviewReport.Month month : report.months()) {
			labels.add(month.month().toString());
			opened.add(month.opened());
			resolved.add(month.resolved());
			links.add(openedIn(month.month(), report));
		}
		return chart("bar", labels, List.of(series("Opened", opened, "bar", "count", "#9ec5fe"),
				series("Resolved", resolved, "bar", "count", "#1f4e79")), links);
	}

	private static Map<String, Object> satisfactionChart(ServiceOverviewReport report) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> csat = new ArrayList<>();
		List<BigDecimal> nps = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (ServiceOverviewReport.Month month : report.months()) {
			labels.add(month.month().toString());
			csat.add(month.satisfaction().csat());
			nps.add(month.satisfaction().nps());
			links.add(satisfactionIn(month.month(), report));
		}
		return chart("line", labels, List.of(series("CSAT %", csat, "line", "percent", "#1f4e79"),
				series("NPS", nps, "line", "nps", "#b35c00")), links);
	}

	private static Map<String, Object> ageChart(ServiceOverviewReport report) {
		List<String> labels = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (ServiceOverviewReport.AgeBucket bucket : report.backlog().byAge()) {
			labels.add(bucket.label());
			counts.add(bucket.count());
			links.add(aged(bucket));
		}
		return chart("bar", labels, List.of(series("Open cases", counts, "bar", "count", "#1f4e79")), links);
	}

	/** The cases opened in the month (its days within the period). */
	static String openedIn(YearMonth month, ServiceOverviewReport report) {
		return UriComponentsBuilder.fromPath("/cases")
			.queryParam("createdFrom", max(month.atDay(1), report.from()))
			.queryParam("createdTo", min(month.atEndOfMonth(), report.to()))
			.queryParam("sort", "createdAt,asc")
			.toUriString();
	}

	static String satisfactionIn(YearMonth month, ServiceOverviewReport report) {
		return UriComponentsBuilder.fromPath("/cases/satisfaction")
			.queryParam("from", max(month.atDay(1), report.from()))
			.queryParam("to", min(month.atEndOfMonth(), report.to()))
			.toUriString();
	}

	static String aged(ServiceOverviewReport.AgeBucket bucket) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/cases").queryParam("status", CaseFilter.OPEN);
		if (bucket.fromDays() > 0) {
			link.queryParam("ageFrom", bucket.fromDays());
		}
		if (bucket.toDays() != null) {
			link.queryParam("ageTo", bucket.toDays());
		}
		return link.queryParam("sort", "createdAt,asc").toUriString();
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static Map<String, Object> chart(String type, List<String> labels, List<Map<String, Object>> series,
			List<String> links) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", type);
		chart.put("labels", labels);
		chart.put("series", series);
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
