package dev.bellwether.forecasting.web;

import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.Adjustment;
import dev.bellwether.forecasting.Adjustments;
import dev.bellwether.forecasting.Forecasts;
import dev.bellwether.forecasting.Submission;
import dev.bellwether.forecasting.Submissions;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
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

	private final Submissions submissions;

	private final ForecastExports exports;

	ForecastApiController(Forecasts forecasts, Adjustments adjustments, Submissions submissions,
			ForecastExports exports) {
		this.exports = exports;
		this.forecasts = forecasts;
		this.adjustments = adjustments;
		this.submissions = submissions;
	}

	@GetMapping("/{period}/export")
	@Usage(UsageKind.EXPORT)
	@Operation(summary = "The forecast grid as CSV or XLSX",
			description = "Every row of the grid (gross and adjusted figures, quota, attainment, gap, coverage), "
					+ "through the formula-safe export; scoped like the forecast. format csv (default) or xlsx.")
	void export(Viewer viewer, @PathVariable String period, @RequestParam(required = false) UUID manager,
			@Parameter(description = "csv or xlsx") @RequestParam(required = false) String format,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		this.exports.write(viewer, period, manager, format, response);
	}

	@GetMapping("/{period}/submissions")
	@Operation(summary = "Every forecast submission of a manager's organisation for a period",
			description = "Newest first; each is a manager's team row (gross and adjusted, with the team quota) as it "
					+ "stood when submitted. Scoped like the forecast.")
	List<Submission> submissions(Viewer viewer, @PathVariable String period, @Parameter(
			description = "Whose organisation (default: you)") @RequestParam(required = false) UUID manager) {
		return this.submissions.list(viewer, period, manager);
	}

	@PostMapping("/{period}/submissions")
	@Operation(summary = "Submit your forecast for a period (the call)",
			description = "Keeps your team row as it is now, gross and adjusted, with the team quota. 201 with the "
					+ "submission; 200 with the one already made when you submitted in the same minute (nothing "
					+ "written). 403 for someone without reports.")
	ResponseEntity<Submission> submit(Viewer viewer, @PathVariable String period) {
		Submissions.Submitted submitted = this.submissions.submit(viewer, period);
		return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(submitted.submission());
	}

	@GetMapping("/{period}/submissions/compare")
	@Operation(summary = "Two submissions figure by figure",
			description = "change = b − a for each figure. 403 when either is of someone whose forecast you can't "
					+ "see; 404 for an unknown id.")
	Submissions.Comparison compare(Viewer viewer, @PathVariable String period,
			@Parameter(description = "A submission id") @RequestParam(required = false) UUID a,
			@Parameter(description = "Another submission id") @RequestParam(required = false) UUID b) {
		this.forecasts.period(period);
		return this.submissions.compare(viewer, a, b);
	}

	@GetMapping("/{period}/submissions/status")
	@Operation(summary = "Who has submitted",
			description = "For the manager and each active manager below them: their latest and previous submission "
					+ "for the period and whether they submitted in the current ISO week (company time zone).")
	List<Submissions.CallStatus> submissionStatus(Viewer viewer, @PathVariable String period,
			@RequestParam(required = false) UUID manager) {
		return this.submissions.status(viewer, period, manager);
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
