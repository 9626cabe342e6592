package dev.bellwether.forecasting.web;

import java.util.UUID;

import dev.bellwether.forecasting.Forecasts;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/forecasts")
@Tag(name = "Forecasts",
		description = "The forecast over the manager hierarchy: Closed, Commit, Best case, Pipeline and Omitted per "
				+ "person and team, the cumulative forecasts, quota, attainment, gap and coverage. Every figure is "
				+ "defined in docs/forecasting.md.")
class ForecastApiController {

	private final Forecasts forecasts;

	ForecastApiController(Forecasts forecasts) {
		this.forecasts = forecasts;
	}

	@Usage(UsageKind.FORECAST_VIEW)
	@GetMapping("/{period}")
	@Operation(summary = "The forecast of a manager's organisation for a fiscal period",
			description = "manager: whose organisation (default: the caller). A rep sees their own forecast, a "
					+ "manager their organisation and anyone's below them; a manager above the caller or in another "
					+ "branch is a 403. Executives, sales administrators and administrators see anyone's. Rows come "
					+ "depth first, each team before its members, over today's hierarchy; deals count by close date "
					+ "in the period (won ones as Closed).")
	ForecastResource forecast(Viewer viewer, @Parameter(
			description = "2026-11 (a month), 2026-Q4 (a fiscal quarter) or FY2026 (a fiscal year)") @PathVariable String period,
			@RequestParam(required = false) UUID manager) {
		return ForecastResource.of(this.forecasts.forecast(viewer, period, manager));
	}

}
