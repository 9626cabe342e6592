package dev.bellwether.forecasting.web;

import java.util.UUID;

import dev.bellwether.forecasting.Forecast;
import dev.bellwether.forecasting.ForecastRow;
import dev.bellwether.forecasting.Forecasts;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.sales.ForecastCategory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forecast grid page: teams expand and collapse (forecast-grid.js), and every
 * category's figure links to the deals behind it in the deal list.
 */
@Controller
class ForecastController {

	private final Forecasts forecasts;

	private final UserDirectory users;

	private final FiscalCalendar calendar;

	ForecastController(Forecasts forecasts, UserDirectory users, FiscalCalendar calendar) {
		this.forecasts = forecasts;
		this.users = users;
		this.calendar = calendar;
	}

	@Usage(UsageKind.FORECAST_VIEW)
	@GetMapping("/forecast")
	String forecast(Viewer viewer, @RequestParam(required = false) String period,
			@RequestParam(required = false) UUID manager, Model model) {
		Forecast forecast = this.forecasts.forecast(viewer, period, manager);
		model.addAttribute("forecast", forecast);
		model.addAttribute("links", new Links(forecast));
		model.addAttribute("previousPeriod", this.calendar.previous(forecast.period()).code());
		model.addAttribute("nextPeriod", this.calendar.next(forecast.period()).code());
		model.addAttribute("managers",
				this.users.activeManagers().stream().filter(user -> this.forecasts.canSee(viewer, user.id())).toList());
		return "forecasting/forecast";
	}

	/**
	 * The deal-list links of the grid's figures, for the template.
	 */
	public record Links(Forecast forecast) {

		public String of(ForecastRow row, String category) {
			return Forecasts.dealsLink(row, ForecastCategory.valueOf(category), this.forecast.period(), false);
		}

	}

}
