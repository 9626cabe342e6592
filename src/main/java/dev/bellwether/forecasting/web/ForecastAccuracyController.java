package dev.bellwether.forecasting.web;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.forecasting.ForecastAccuracy;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The forecast accuracy page
 * ({@code /forecast/accuracy?from=&to=&period=&manager=&focus=}), the deals behind each
 * of its figures ({@code /forecast/accuracy/deals}) and its export; scoped as
 * {@link ForecastAccuracy#top}.
 */
@Controller
class ForecastAccuracyController {

	private final ForecastAccuracy accuracy;

	private final ForecastAccuracyExports exports;

	private final FiscalCalendar calendar;

	private final JsonMapper json;

	private final UserDirectory users;

	ForecastAccuracyController(ForecastAccuracy accuracy, ForecastAccuracyExports exports, FiscalCalendar calendar,
			JsonMapper json, UserDirectory users) {
		this.users = users;
		this.accuracy = accuracy;
		this.exports = exports;
		this.calendar = calendar;
		this.json = json;
	}

	@GetMapping("/forecast/accuracy")
	@Usage(UsageKind.REPORT_VIEW)
	String accuracy(Viewer viewer, @RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) UUID manager, @RequestParam(required = false) String focus, Model model,
			HttpServletResponse response) {
		List<FiscalPeriod> periods;
		ForecastAccuracy.Report report;
		int focusIndex;
		try {
			periods = this.accuracy.periods(period, from, to);
			report = this.accuracy.report(viewer, manager, periods);
			focusIndex = focusIndex(periods, focus);
		}
		catch (InvalidInputException ex) {
			// the range is typed into the page's form: say what is wrong beside it
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", String.join(" ", ex.fieldErrors().values()));
			model.addAttribute("from", from != null ? from : period);
			model.addAttribute("to", to);
			model.addAttribute("manager", ex.fieldErrors().containsKey("manager") ? null : manager);
			return "forecasting/accuracy-invalid";
		}
		FiscalPeriod focused = periods.get(focusIndex);
		model.addAttribute("report", report);
		model.addAttribute("periods", periods);
		model.addAttribute("focus", focused);
		model.addAttribute("focusIndex", focusIndex);
		model.addAttribute("from", periods.get(0).code());
		model.addAttribute("to", periods.get(periods.size() - 1).code());
		model.addAttribute("manager", manager);
		model.addAttribute("managerId", report.managerId());
		model.addAttribute("managerName", report.managerName());
		model.addAttribute("managers",
				this.users.activeManagers().stream().filter(user -> this.accuracy.canSee(viewer, user.id())).toList());
		model.addAttribute("links", new AccuracyDrillLinks(report.managerId()));
		model.addAttribute("chart", this.json.writeValueAsString(chart(report, focusIndex)));
		return "forecasting/accuracy";
	}

	@GetMapping("/forecast/accuracy/deals")
	@Usage(UsageKind.REPORT_VIEW)
	String deals(Viewer viewer, @RequestParam(required = false) String period,
			@RequestParam(required = false) UUID manager, @RequestParam(required = false) UUID person,
			@RequestParam(defaultValue = "false") boolean team, @RequestParam(required = false) String what,
			@RequestParam(required = false) UUID at, Model model) {
		FiscalPeriod fiscal = this.calendar.period(period, "period");
		ForecastAccuracy.Drill drill = this.accuracy.deals(viewer, manager, person, team, fiscal, what, at);
		model.addAttribute("drill", drill);
		model.addAttribute("period", fiscal);
		model.addAttribute("manager", drill.managerId());
		return "forecasting/accuracy-deals";
	}

	@GetMapping("/forecast/accuracy/export")
	@Usage(UsageKind.EXPORT)
	void export(Viewer viewer, @RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) UUID manager, @RequestParam(required = false) String format,
			@RequestParam(required = false) String table, HttpServletResponse response) throws IOException {
		this.exports.write(viewer, period, from, to, manager, format, table, response);
	}

	private int focusIndex(List<FiscalPeriod> periods, String focus) {
		if (focus == null || focus.isBlank()) {
			return periods.size() - 1;
		}
		int index = periods.indexOf(this.calendar.period(focus, "focus"));
		if (index < 0) {
			throw new InvalidInputException("focus", "The period shown in detail must be one of the periods.");
		}
		return index;
	}

	/**
	 * The page listing the deals behind a figure of a row.
	 */
	static String drillLink(FiscalPeriod period, UUID manager, ForecastAccuracy.Row row, String what, UUID at) {
		return UriComponentsBuilder.fromPath("/forecast/accuracy/deals")
			.queryParam("period", period.code())
			.queryParamIfPresent("manager", Optional.ofNullable(manager))
			.queryParam("person", row.personId())
			.queryParam("team", row.team())
			.queryParam("what", what)
			.queryParamIfPresent("at", Optional.ofNullable(at))
			.encode()
			.build()
			.toUriString();
	}

	private AnalyticsController.Chart chart(ForecastAccuracy.Report report, int focusIndex) {
		ForecastAccuracy.Row top = report.top();
		ForecastAccuracy.PeriodFigures figures = top.periods().get(focusIndex);
		DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM");
		List<String> labels = new ArrayList<>();
		List<String> links = new ArrayList<>();
		List<Object> forecast = new ArrayList<>();
		List<Object> actual = new ArrayList<>();
		for (ForecastAccuracy.Point point : figures.weeks()) {
			labels.add(day.format(point.at().atZone(this.calendar.zone())));
			links.add(drillLink(figures.period(), report.managerId(), top, "forecast", point.callId()));
			forecast.add(point.forecast());
			actual.add(figures.actual());
		}
		return new AnalyticsController.Chart("line", labels,
				List.of(new AnalyticsController.Chart.Series("Commit forecast", forecast, "#0d6efd", "line", "amount"),
						new AnalyticsController.Chart.Series(figures.over() ? "Actual (won)" : "Won so far", actual,
								"#198754", "line", "amount")),
				links);
	}

}
