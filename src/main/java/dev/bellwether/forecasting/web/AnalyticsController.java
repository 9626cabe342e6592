package dev.bellwether.forecasting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.bellwether.forecasting.PipelineVelocity;
import dev.bellwether.forecasting.SalesAnalytics;
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.sales.DealOutcomes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The analytics page ({@code /analytics?period=FY2026&manager=}) and the list of the
 * deals behind each of its figures ({@code /analytics/deals}), scoped as
 * {@link SalesAnalytics#scope}; viewing them is a view of the CRM's reports.
 */
@Controller
class AnalyticsController {

	static final int DRILL_LIMIT = 500;

	private final SalesAnalytics analytics;

	private final UserDirectory users;

	private final OrgChart orgChart;

	private final JsonMapper json;

	private final AnalyticsExports exports;

	AnalyticsController(SalesAnalytics analytics, UserDirectory users, OrgChart orgChart, JsonMapper json,
			AnalyticsExports exports) {
		this.exports = exports;
		this.analytics = analytics;
		this.users = users;
		this.orgChart = orgChart;
		this.json = json;
	}

	@GetMapping("/analytics")
	@Usage(UsageKind.REPORT_VIEW)
	String analytics(Viewer viewer, @RequestParam(required = false) String period,
			@RequestParam(required = false) UUID manager, Model model) {
		FiscalPeriod fiscal = this.analytics.period(period);
		SalesAnalytics.AnalyticsScope scope = this.analytics.scope(viewer, manager);
		SalesAnalytics.WinRates rates = this.analytics.winRates(viewer, scope, fiscal);
		SalesAnalytics.Funnel funnel = this.analytics.funnel(viewer, scope, fiscal);
		PipelineVelocity velocity = this.analytics.velocity(viewer, scope, fiscal);
		DealOutcomes.Losses losses = this.analytics.losses(viewer, scope, fiscal);
		model.addAttribute("period", fiscal);
		model.addAttribute("scope", scope);
		model.addAttribute("manager", manager);
		model.addAttribute("rates", rates);
		model.addAttribute("funnel", funnel);
		model.addAttribute("velocity", velocity);
		model.addAttribute("losses", losses);
		model.addAttribute("managers", managers(viewer));
		model.addAttribute("seesEveryone", this.analytics.seesEveryone(viewer));
		java.util.Map<String, String> exportTables = new java.util.LinkedHashMap<>();
		for (AnalyticsExports.Sheet sheet : AnalyticsExports.Sheet.values()) {
			exportTables.put(sheet.code(), sheet.title);
		}
		model.addAttribute("exportTables", exportTables);
		model.addAttribute("trendChart", this.json.writeValueAsString(trendChart(rates, manager)));
		model.addAttribute("funnelChart", this.json.writeValueAsString(funnelChart(funnel, fiscal, manager)));
		model.addAttribute("reasonChart", this.json.writeValueAsString(reasonChart(losses, fiscal, manager)));
		return "forecasting/analytics";
	}

	/**
	 * The page's tables as CSV (one, {@code table=}) or XLSX (all).
	 */
	@GetMapping("/analytics/export")
	@Usage(UsageKind.EXPORT)
	void export(Viewer viewer, @RequestParam(required = false) String period,
			@RequestParam(required = false) UUID manager, @RequestParam(required = false) String format,
			@RequestParam(required = false) String table, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		this.exports.write(viewer, period, manager, format, table, response);
	}

	@GetMapping("/analytics/deals")
	@Usage(UsageKind.REPORT_VIEW)
	String deals(Viewer viewer, @RequestParam(required = false) String period,
			@RequestParam(required = false) UUID manager, @RequestParam(required = false) UUID owner,
			@RequestParam String figure, @RequestParam(required = false) String value, Model model) {
		FiscalPeriod fiscal = this.analytics.period(period);
		SalesAnalytics.AnalyticsScope scope = this.analytics.scope(viewer, manager);
		DealOutcomes.Drill drill = drill(figure);
		DealOutcomes.DealList deals = this.analytics.deals(viewer, scope, owner, fiscal, drill, value, DRILL_LIMIT);
		model.addAttribute("period", fiscal);
		model.addAttribute("scope", scope);
		model.addAttribute("manager", manager);
		model.addAttribute("figure", drill);
		model.addAttribute("title", title(drill, value, deals));
		model.addAttribute("deals", deals);
		model.addAttribute("limit", DRILL_LIMIT);
		model.addAttribute("owners",
				this.analytics.namesOf(deals.deals().stream().map(DealOutcomes.DealRow::ownerId).distinct().toList()));
		model.addAttribute("ownerName", owner == null ? null : this.analytics.namesOf(List.of(owner)).get(owner));
		return "forecasting/analytics-deals";
	}

	static DealOutcomes.Drill drill(String figure) {
		try {
			return DealOutcomes.Drill.valueOf(figure.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("figure",
					"A figure is one of won, lost, closed, open, created, reached, stayed, lost-at, reason or competitor.");
		}
	}

	private String title(DealOutcomes.Drill drill, String value, DealOutcomes.DealList deals) {
		return switch (drill) {
			case WON -> "Deals won";
			case LOST -> "Deals lost";
			case CLOSED -> "Deals closed (won or lost)";
			case OPEN -> "Open deals (now)";
			case CREATED -> "won".equalsIgnoreCase(value) ? "Deals created and won" : "Deals created";
			case REACHED -> "Deals created that reached " + stageName(value, deals) + " or further";
			case STAYED -> "Deals whose stay in " + stageName(value, deals) + " ended";
			case LOST_AT -> "Deals lost at " + stageName(value, deals);
			case REASON -> "Deals lost: " + (value == null || value.isBlank() ? "no reason given" : value);
			case COMPETITOR ->
				"Deals lost against " + (value == null || value.isBlank() ? "no named competitor" : value);
		};
	}

	private String stageName(String value, DealOutcomes.DealList deals) {
		if (value == null || value.isBlank()) {
			return "no open stage";
		}
		return this.analytics.stageName(value);
	}

	private List<User> managers(Viewer viewer) {
		if (this.analytics.seesEveryone(viewer)) {
			return this.users.activeManagers();
		}
		return this.users.activeManagersAmong(this.orgChart.organisationOf(viewer.id()));
	}

	static String drillLink(FiscalPeriod period, UUID manager, UUID owner, String figure, String value) {
		return UriComponentsBuilder.fromPath("/analytics/deals")
			.queryParam("period", period.code())
			.queryParamIfPresent("manager", java.util.Optional.ofNullable(manager))
			.queryParamIfPresent("owner", java.util.Optional.ofNullable(owner))
			.queryParam("figure", figure)
			.queryParamIfPresent("value", java.util.Optional.ofNullable(value))
			.encode()
			.build()
			.toUriString();
	}

	private static Chart trendChart(SalesAnalytics.WinRates rates, UUID manager) {
		List<String> labels = new ArrayList<>();
		List<String> links = new ArrayList<>();
		List<Object> won = new ArrayList<>();
		List<Object> rate = new ArrayList<>();
		List<Object> valueRate = new ArrayList<>();
		for (SalesAnalytics.PeriodRow row : rates.trend()) {
			labels.add(row.period().label());
			links.add(drillLink(row.period(), manager, null, "closed", null));
			won.add(row.figures().wonAmount());
			rate.add(percent(row.figures().winRate()));
			valueRate.add(percent(row.figures().valueWinRate()));
		}
		return new Chart("bar", labels,
				List.of(new Chart.Series("Won amount", won, "#198754", "bar", "amount"),
						new Chart.Series("Win rate (count) %", rate, "#0d6efd", "line", "percent"),
						new Chart.Series("Win rate (value) %", valueRate, "#fd7e14", "line", "percent")),
				links);
	}

	private static Chart funnelChart(SalesAnalytics.Funnel funnel, FiscalPeriod period, UUID manager) {
		List<String> labels = new ArrayList<>();
		List<String> links = new ArrayList<>();
		List<Object> reached = new ArrayList<>();
		for (SalesAnalytics.FunnelStep step : funnel.steps()) {
			labels.add(step.stage());
			reached.add(step.reached());
			links.add(step.stageId() == null ? drillLink(period, manager, null, "created", "won")
					: drillLink(period, manager, null, "reached", step.stageId().toString()));
		}
		return new Chart("bar", labels, List.of(new Chart.Series("Deals", reached, "#0d6efd", "bar", "count")), links);
	}

	private static Chart reasonChart(DealOutcomes.Losses losses, FiscalPeriod period, UUID manager) {
		List<String> labels = new ArrayList<>();
		List<String> links = new ArrayList<>();
		List<Object> deals = new ArrayList<>();
		for (DealOutcomes.Loss loss : losses.reasons()) {
			labels.add(loss.label() == null ? "(none given)" : loss.label());
			deals.add(loss.deals());
			links.add(drillLink(period, manager, null, "reason", loss.label()));
		}
		return new Chart("bar", labels, List.of(new Chart.Series("Deals lost", deals, "#dc3545", "bar", "count")),
				links);
	}

	private static Double percent(Double share) {
		return share == null ? null : Math.round(share * 1000) / 10.0;
	}

	/**
	 * A chart serialised into a canvas's {@code data-chart} attribute and drawn by
	 * {@code analytics.js}; clicking a bar or point opens {@code links[index]}.
	 */
	record Chart(String type, List<String> labels, List<Series> series, List<String> links) {

		/**
		 * @param axis {@code amount}, {@code percent} or {@code count}
		 */
		record Series(String label, List<Object> data, String color, String type, String axis) {
		}

	}

}
