package dev.bellwether.forecasting.web;

import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.Adjustment;
import dev.bellwether.forecasting.Adjustments;
import dev.bellwether.forecasting.Forecasts;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

	private final Adjustments adjustments;

	ForecastApiController(Forecasts forecasts, Adjustments adjustments) {
		this.forecasts = forecasts;
		this.adjustments = adjustments;
	}

	@GetMapping("/{period}/adjustments")
	@Operation(summary = "Every adjustment of the forecasts of a manager's organisation for a period",
			description = "Oldest first, each as made (who, when, the figure, the note); the latest per person and "
					+ "category is in effect, one with a null amount took an earlier one back. Scoped like the "
					+ "forecast.")
	List<Adjustment> adjustments(Viewer viewer, @PathVariable String period,
			@RequestParam(required = false) UUID manager) {
		return this.forecasts.adjustments(viewer, period, manager);
	}

	@PutMapping("/{period}/adjustments")
	@Operation(summary = "Adjust a forecast",
			description = "A manager adjusts the COMMIT, BEST_CASE or PIPELINE figure of their own forecast (their "
					+ "team's) or a direct report's, with a note; amount null takes the adjustment back. The gross "
					+ "figures stay as they are beside the adjusted ones, and adjustments roll up. 403 for anyone "
					+ "else (above you, or further below); 400 for a negative amount, no note, another category; 409 "
					+ "when the sequence sent is not that of the adjustment in effect.")
	Adjustment adjust(Viewer viewer, @PathVariable String period, @RequestBody AdjustmentRequest request) {
		return this.adjustments.adjust(viewer, request.userId(), period, request.category(), request.amount(),
				request.note(), request.sequence() == null ? 0 : request.sequence());
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
