package dev.bellwether.forecasting.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.PipelineVelocity;
import dev.bellwether.forecasting.SalesAnalytics;
import dev.bellwether.forecasting.WinLoss;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.sales.DealOutcomes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Win/loss and pipeline analytics (docs/analytics.md), scoped like the page: without
 * {@code manager}, executives, sales administrators and administrators get the whole
 * company, a manager their organisation and anyone else their own deals;
 * {@code manager=<id>} narrows it to that person's organisation, within the caller's (403
 * for anyone outside or above it). A malformed period is a 400 naming the accepted forms.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics",
		description = "Win rates, deal size, sales cycle, funnel, time in stage, pipeline velocity and loss reasons "
				+ "for a fiscal period (2026-11, 2026-Q4 or FY2026; default: the current quarter), defined in "
				+ "docs/analytics.md. Scope: manager=<id> (their organisation, within yours), or by default your "
				+ "widest view.")
class AnalyticsApiController {

	private static final String PERIOD = "A fiscal month (2026-11), quarter (2026-Q4) or year (FY2026); "
			+ "default: the current fiscal quarter";

	private static final String MANAGER = "Only this manager's organisation (within yours; 403 outside or above it)";

	private final SalesAnalytics analytics;

	private final AnalyticsExports exports;

	AnalyticsApiController(SalesAnalytics analytics, AnalyticsExports exports) {
		this.analytics = analytics;
		this.exports = exports;
	}

	@GetMapping("/export")
	@Usage(UsageKind.EXPORT)
	@Operation(summary = "The analytics tables as a file: format=xlsx, every table a sheet; format=csv (the "
			+ "default), one table: table=summary, owners (the default), teams, trend, funnel, reasons, competitors "
			+ "or lost-at. Cells are formula-safe (docs/exports.md)")
	void export(Viewer viewer, @Parameter(description = PERIOD) @RequestParam(required = false) String period,
			@Parameter(description = MANAGER) @RequestParam(required = false) UUID manager,
			@Parameter(description = "csv or xlsx") @RequestParam(required = false) String format,
			@Parameter(
					description = "For CSV: summary, owners, teams, trend, funnel, reasons, competitors or lost-at") @RequestParam(
							required = false) String table,
			HttpServletResponse response) throws IOException {
		this.exports.write(viewer, period, manager, format, table, response);
	}

	@GetMapping("/win-rates")
	@Operation(summary = "Win rate by count and by value, average won deal size and sales cycle (mean, median) of "
			+ "the deals closed in the period: in all, per owner, per team, and per quarter over the last 8")
	WinRatesResource winRates(Viewer viewer,
			@Parameter(description = PERIOD) @RequestParam(required = false) String period,
			@Parameter(description = MANAGER) @RequestParam(required = false) UUID manager) {
		FiscalPeriod fiscal = this.analytics.period(period);
		SalesAnalytics.WinRates rates = this.analytics.winRates(viewer, this.analytics.scope(viewer, manager), fiscal);
		return new WinRatesResource(PeriodResource.of(fiscal), rates.scope().managerId(), rates.scope().name(),
				Figures.of(rates.total()),
				rates.owners()
					.stream()
					.map(row -> new GroupFigures(row.id(), row.name(), Figures.of(row.figures())))
					.toList(),
				rates.teams()
					.stream()
					.map(row -> new GroupFigures(row.id(), row.name(), Figures.of(row.figures())))
					.toList(),
				rates.trend()
					.stream()
					.map(row -> new PeriodFigures(PeriodResource.of(row.period()), Figures.of(row.figures())))
					.toList());
	}

	@GetMapping("/funnel")
	@Operation(summary = "How far the deals created in the period got (each open stage reached, then won), and "
			+ "how long deals stayed in each stage (stays that ended in the period)")
	FunnelResource funnel(Viewer viewer, @Parameter(description = PERIOD) @RequestParam(required = false) String period,
			@Parameter(description = MANAGER) @RequestParam(required = false) UUID manager) {
		FiscalPeriod fiscal = this.analytics.period(period);
		SalesAnalytics.Funnel funnel = this.analytics.funnel(viewer, this.analytics.scope(viewer, manager), fiscal);
		return new FunnelResource(PeriodResource.of(fiscal), funnel.scope().managerId(), funnel.funnel().deals(),
				funnel.steps(),
				funnel.timeInStage()
					.stream()
					.map(t -> new StageTimeResource(t.stage().id(), t.stage().name(), t.stays(), t.medianDays(),
							t.meanDays()))
					.toList());
	}

	@GetMapping("/velocity")
	@Operation(summary = "Pipeline velocity: open deals × win rate × average deal size ÷ mean sales cycle, per day "
			+ "and over the period, with the win rate, size and cycle of the deals closed in the period")
	VelocityResource velocity(Viewer viewer,
			@Parameter(description = PERIOD) @RequestParam(required = false) String period,
			@Parameter(description = MANAGER) @RequestParam(required = false) UUID manager) {
		FiscalPeriod fiscal = this.analytics.period(period);
		SalesAnalytics.AnalyticsScope scope = this.analytics.scope(viewer, manager);
		return new VelocityResource(PeriodResource.of(fiscal), scope.managerId(),
				this.analytics.velocity(viewer, scope, fiscal));
	}

	@GetMapping("/loss-reasons")
	@Operation(summary = "The deals lost in the period by loss reason, by competitor and by the stage they were "
			+ "lost at (their last open stage in the stage history), with count and amount")
	LossesResource lossReasons(Viewer viewer,
			@Parameter(description = PERIOD) @RequestParam(required = false) String period,
			@Parameter(description = MANAGER) @RequestParam(required = false) UUID manager) {
		FiscalPeriod fiscal = this.analytics.period(period);
		SalesAnalytics.AnalyticsScope scope = this.analytics.scope(viewer, manager);
		DealOutcomes.Losses losses = this.analytics.losses(viewer, scope, fiscal);
		return new LossesResource(PeriodResource.of(fiscal), scope.managerId(), LossResource.of(losses.reasons()),
				LossResource.of(losses.competitors()), LossResource.of(losses.lostAt()));
	}

	/**
	 * A fiscal period as the API writes it.
	 */
	record PeriodResource(String code, String label, LocalDate start, LocalDate end) {

		static PeriodResource of(FiscalPeriod period) {
			return new PeriodResource(period.code(), period.label(), period.start(), period.end());
		}

	}

	/**
	 * The figures of deals closed (see docs/analytics.md); {@code null} where there is
	 * nothing to measure.
	 */
	record Figures(long won, long lost, BigDecimal wonAmount, BigDecimal lostAmount, Double winRate,
			Double valueWinRate, BigDecimal averageDealSize, Double meanCycleDays, Double medianCycleDays) {

		static Figures of(WinLoss w) {
			return new Figures(w.won(), w.lost(), w.wonAmount(), w.lostAmount(), w.winRate(), w.valueWinRate(),
					w.averageDealSize(), w.meanCycleDays(), w.medianCycleDays());
		}

	}

	record GroupFigures(UUID id, String name, Figures figures) {
	}

	record PeriodFigures(PeriodResource period, Figures figures) {
	}

	record WinRatesResource(PeriodResource period, UUID managerId, String scope, Figures total,
			List<GroupFigures> owners, List<GroupFigures> teams, List<PeriodFigures> trend) {
	}

	record StageTimeResource(UUID stageId, String stage, long stays, Double medianDays, Double meanDays) {
	}

	record FunnelResource(PeriodResource period, UUID managerId, long deals, List<SalesAnalytics.FunnelStep> steps,
			List<StageTimeResource> timeInStage) {
	}

	record VelocityResource(PeriodResource period, UUID managerId, PipelineVelocity velocity) {
	}

	/**
	 * Lost deals of one reason, competitor or stage.
	 *
	 * @param label {@code null} for none given (or never in an open stage)
	 */
	record LossResource(String label, UUID stageId, long deals, BigDecimal amount) {

		static List<LossResource> of(List<DealOutcomes.Loss> losses) {
			return losses.stream()
				.map(loss -> new LossResource(loss.label(), loss.stage() == null ? null : loss.stage().id(),
						loss.deals(), loss.amount()))
				.toList();
		}

	}

	record LossesResource(PeriodResource period, UUID managerId, List<LossResource> reasons,
			List<LossResource> competitors, List<LossResource> lostAt) {
	}

}
