package dev.bellwether.forecasting.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.ForecastAccuracy;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Forecast accuracy (docs/forecasting.md, "Forecast accuracy"), scoped like the page: a
 * rep their own, a manager their organisation and anyone's below them, executives, sales
 * administrators and administrators anyone's; above or in another branch a 403. A
 * malformed period is a 400 naming the accepted forms.
 */
@RestController
@RequestMapping("/api/v1/forecasts/accuracy")
@Tag(name = "Forecast accuracy",
		description = "The Commit forecast (Closed + Commit) at the start of each fiscal period and week by week, "
				+ "derived from the pipeline snapshots, against what was won: accuracy, signed bias, MAPE across "
				+ "periods and commit-to-close, per team and person over today's hierarchy (docs/forecasting.md).")
class ForecastAccuracyApiController {

	private static final String PERIOD = "One fiscal month (2026-11), quarter (2026-Q4) or year (FY2026); "
			+ "not with from/to";

	private static final String FROM = "The first period of a range (same kind as to; at most 24 periods); "
			+ "default: 8 periods before to";

	private static final String TO = "The last period of a range; default: the last one that is over";

	private static final String MANAGER = "Whose organisation (default: yours; for executives and administrators "
			+ "without reports the head of the company); 403 above you or in another branch";

	private final ForecastAccuracy accuracy;

	private final ForecastAccuracyExports exports;

	ForecastAccuracyApiController(ForecastAccuracy accuracy, ForecastAccuracyExports exports) {
		this.accuracy = accuracy;
		this.exports = exports;
	}

	@GetMapping
	@Usage(UsageKind.REPORT_VIEW)
	@Operation(summary = "Forecast accuracy per period, team and person",
			description = "Rows depth first (each team before its members). Per period: the start forecast and "
					+ "the snapshot it comes from, the actual (won), accuracy and bias (ratios, 4 decimals; null "
					+ "when the actual is 0, the period is not over or there was no snapshot in its first week), "
					+ "commit-to-close by count and value, and the forecast week by week; per row MAPE over the "
					+ "periods that are over. Every figure links to its deals.")
	AccuracyResource accuracy(Viewer viewer,
			@Parameter(description = PERIOD) @RequestParam(required = false) String period,
			@Parameter(description = FROM) @RequestParam(required = false) String from,
			@Parameter(description = TO) @RequestParam(required = false) String to,
			@Parameter(description = MANAGER) @RequestParam(required = false) UUID manager) {
		ForecastAccuracy.Report report = this.accuracy.report(viewer, manager, this.accuracy.periods(period, from, to));
		return AccuracyResource.of(report);
	}

	@GetMapping("/export")
	@Usage(UsageKind.EXPORT)
	@Operation(summary = "Forecast accuracy as a file: format=xlsx (both tables as sheets) or csv (the default; "
			+ "table=accuracy, the default, or weekly). Cells are formula-safe (docs/exports.md)")
	void export(Viewer viewer, @Parameter(description = PERIOD) @RequestParam(required = false) String period,
			@Parameter(description = FROM) @RequestParam(required = false) String from,
			@Parameter(description = TO) @RequestParam(required = false) String to,
			@Parameter(description = MANAGER) @RequestParam(required = false) UUID manager,
			@Parameter(description = "csv or xlsx") @RequestParam(required = false) String format,
			@Parameter(description = "For CSV: accuracy or weekly") @RequestParam(required = false) String table,
			HttpServletResponse response) throws IOException {
		this.exports.write(viewer, period, from, to, manager, format, table, response);
	}

	record AccuracyResource(UUID managerId, String managerName, List<AnalyticsApiController.PeriodResource> periods,
			List<RowResource> rows) {

		static AccuracyResource of(ForecastAccuracy.Report report) {
			return new AccuracyResource(report.managerId(), report.managerName(),
					report.periods().stream().map(AnalyticsApiController.PeriodResource::of).toList(),
					report.rows()
						.stream()
						.map(row -> new RowResource(row.personId(), row.name(), row.team(), row.depth(),
								row.deactivated(), row.mape(), row.mapePeriods(),
								row.periods()
									.stream()
									.map(f -> PeriodFiguresResource.of(report.managerId(), row, f))
									.toList()))
						.toList());
		}

	}

	record RowResource(UUID personId, String name, boolean team, int depth, boolean deactivated, BigDecimal mape,
			int mapePeriods, List<PeriodFiguresResource> periods) {
	}

	record PeriodFiguresResource(String period, boolean over, Instant startAt, BigDecimal startForecast,
			BigDecimal actual, long wonDeals, BigDecimal accuracy, BigDecimal bias, long commitDeals, long commitWon,
			BigDecimal commitAmount, BigDecimal commitWonAmount, BigDecimal commitToCloseCount,
			BigDecimal commitToCloseValue, List<PointResource> weeks, Links deals) {

		static PeriodFiguresResource of(UUID manager, ForecastAccuracy.Row row, ForecastAccuracy.PeriodFigures f) {
			return new PeriodFiguresResource(f.period().code(), f.over(), f.start() == null ? null : f.start().at(),
					f.startForecast(), f.actual(), f.wonDeals(), f.accuracy(), f.bias(), f.commitDeals(), f.commitWon(),
					f.commitAmount(), f.commitWonAmount(), f.commitToCloseCount(), f.commitToCloseValue(),
					f.weeks()
						.stream()
						.map(p -> new PointResource(p.at(), p.closed(), p.commit(), p.forecast(), p.submissionId(),
								ForecastAccuracyController.drillLink(f.period(), manager, row, "forecast", p.callId())))
						.toList(),
					new Links(ForecastAccuracyController.drillLink(f.period(), manager, row, "forecast", null),
							ForecastAccuracyController.drillLink(f.period(), manager, row, "won", null),
							ForecastAccuracyController.drillLink(f.period(), manager, row, "commit", null)));
		}

	}

	/**
	 * @param forecast the manager's submitted forecast when {@code submissionId} is set,
	 * else the one derived from the snapshot (closed + commit)
	 * @param submissionId the team manager's submission used as this week's forecast
	 */
	record PointResource(Instant at, BigDecimal closed, BigDecimal commit, BigDecimal forecast, UUID submissionId,
			String deals) {
	}

	/**
	 * The pages listing the deals behind the start forecast, the actual and the commit
	 * deals at the start.
	 */
	record Links(String startForecast, String actual, String commitAtStart) {
	}

}
