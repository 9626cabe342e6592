package dev.bellwether.forecasting.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.bellwether.forecasting.PipelineVelocity;
import dev.bellwether.forecasting.SalesAnalytics;
import dev.bellwether.forecasting.WinLoss;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.export.ExportFormat;
import dev.bellwether.platform.export.TableExport;
import dev.bellwether.sales.DealOutcomes;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The analytics page's tables as files, through the platform's formula-safe
 * {@link TableExport}: CSV one table at a time ({@code table=}), XLSX every table as a
 * sheet. Scoped like the page: the same {@link SalesAnalytics} figures for the same
 * viewer.
 */
@Component
class AnalyticsExports {

	/**
	 * The tables, by the name {@code table=} takes.
	 */
	enum Sheet {

		SUMMARY("Summary"), OWNERS("By owner"), TEAMS("By team"), TREND("Trend"), FUNNEL("Funnel"),
		REASONS("Loss reasons"), COMPETITORS("Competitors"), LOST_AT("Lost at stage");

		final String title;

		Sheet(String title) {
			this.title = title;
		}

		String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Sheet of(String code) {
			if (code == null || code.isBlank()) {
				return OWNERS;
			}
			return Arrays.stream(values())
				.filter(sheet -> sheet.code().equalsIgnoreCase(code.strip()))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("table", "A table is one of "
						+ String.join(", ", Arrays.stream(values()).map(Sheet::code).toList()) + "."));
		}

	}

	private static final List<String> FIGURES = List.of("Won", "Lost", "Won amount", "Lost amount", "Win rate %",
			"Win rate by value %", "Average deal size", "Median cycle (days)", "Mean cycle (days)");

	private final SalesAnalytics analytics;

	private final ZoneId zone;

	AnalyticsExports(SalesAnalytics analytics, dev.bellwether.platform.FiscalCalendar calendar) {
		this.analytics = analytics;
		this.zone = calendar.zone();
	}

	/**
	 * Writes the export to the response, with its file name.
	 * @throws InvalidInputException for an unknown format or table (before anything is
	 * written)
	 */
	void write(Viewer viewer, String period, UUID manager, String format, String table, HttpServletResponse response)
			throws IOException {
		ExportFormat fileFormat = ExportFormat.of(format);
		Sheet only = fileFormat == ExportFormat.CSV ? Sheet.of(table) : null;
		FiscalPeriod fiscal = this.analytics.period(period);
		List<TableExport.Table> tables = tables(viewer, this.analytics.scope(viewer, manager), fiscal);
		String name = "analytics-" + fiscal.code() + (only == null ? "" : "-" + only.code()) + "."
				+ fileFormat.extension();
		response.setContentType(fileFormat.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
		if (only == null) {
			TableExport.xlsx(tables, this.zone, response.getOutputStream());
		}
		else {
			TableExport.csv(tables.get(only.ordinal()), this.zone, response.getOutputStream());
		}
	}

	/**
	 * @return every table, in {@link Sheet} order
	 */
	List<TableExport.Table> tables(Viewer viewer, SalesAnalytics.AnalyticsScope scope, FiscalPeriod period) {
		SalesAnalytics.WinRates rates = this.analytics.winRates(viewer, scope, period);
		SalesAnalytics.Funnel funnel = this.analytics.funnel(viewer, scope, period);
		PipelineVelocity velocity = this.analytics.velocity(viewer, scope, period);
		DealOutcomes.Losses losses = this.analytics.losses(viewer, scope, period);
		List<TableExport.Table> tables = new ArrayList<>();
		tables.add(summary(rates, velocity, period, scope));
		tables.add(figures(Sheet.OWNERS, "Owner",
				rates.owners().stream().map(row -> withName(row.name(), row.figures())).toList()));
		tables.add(figures(Sheet.TEAMS, "Team",
				rates.teams().stream().map(row -> withName(row.name(), row.figures())).toList()));
		tables.add(figures(Sheet.TREND, "Quarter",
				rates.trend().stream().map(row -> withName(row.period().code(), row.figures())).toList()));
		List<List<Object>> steps = new ArrayList<>();
		for (SalesAnalytics.FunnelStep step : funnel.steps()) {
			DealOutcomes.StageTime time = funnel.timeInStage()
				.stream()
				.filter(t -> t.stage().id().equals(step.stageId()))
				.findFirst()
				.orElse(null);
			steps.add(Arrays.asList(step.stage(), step.reached(), percent(step.share()), percent(step.conversion()),
					time == null ? null : time.stays(), time == null ? null : days(time.medianDays()),
					time == null ? null : days(time.meanDays())));
		}
		tables.add(new TableExport.Table(Sheet.FUNNEL.title, List.of("Stage", "Reached", "Of the period's deals %",
				"Of the step before %", "Stays ended", "Median days in stage", "Mean days in stage"), steps));
		tables.add(losses(Sheet.REASONS, "Reason", losses.reasons(), "(none given)"));
		tables.add(losses(Sheet.COMPETITORS, "Competitor", losses.competitors(), "(none given)"));
		tables.add(losses(Sheet.LOST_AT, "Stage", losses.lostAt(), "(never open)"));
		return tables;
	}

	private static TableExport.Table summary(SalesAnalytics.WinRates rates, PipelineVelocity velocity,
			FiscalPeriod period, SalesAnalytics.AnalyticsScope scope) {
		WinLoss total = rates.total();
		List<List<Object>> rows = new ArrayList<>();
		rows.add(Arrays.asList("Period", period.code()));
		rows.add(Arrays.asList("From", period.start()));
		rows.add(Arrays.asList("To", period.end()));
		rows.add(Arrays.asList("Scope", scope.name()));
		List<Object> figures = withName(null, total);
		for (int i = 0; i < FIGURES.size(); i++) {
			rows.add(Arrays.asList(FIGURES.get(i), figures.get(i + 1)));
		}
		rows.add(Arrays.asList("Open deals", velocity.openDeals()));
		rows.add(Arrays.asList("Pipeline velocity per day", velocity.perDay()));
		rows.add(Arrays.asList("Pipeline velocity over the period", velocity.perPeriod()));
		return new TableExport.Table(Sheet.SUMMARY.title, List.of("Figure", "Value"), rows);
	}

	private static TableExport.Table figures(Sheet sheet, String heading, List<List<Object>> rows) {
		List<String> headers = new ArrayList<>();
		headers.add(heading);
		headers.addAll(FIGURES);
		return new TableExport.Table(sheet.title, headers, rows);
	}

	private static List<Object> withName(String name, WinLoss f) {
		return Arrays.asList(name, f.won(), f.lost(), f.wonAmount(), f.lostAmount(), percent(f.winRate()),
				percent(f.valueWinRate()), f.averageDealSize(), days(f.medianCycleDays()), days(f.meanCycleDays()));
	}

	private static TableExport.Table losses(Sheet sheet, String heading, List<DealOutcomes.Loss> losses, String none) {
		List<List<Object>> rows = losses.stream()
			.map(loss -> Arrays.<Object>asList(loss.label() == null ? none : loss.label(), loss.deals(), loss.amount()))
			.toList();
		return new TableExport.Table(sheet.title, List.of(heading, "Deals lost", "Amount"), rows);
	}

	private static BigDecimal percent(Double share) {
		return share == null ? null : BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
	}

	private static BigDecimal days(Double days) {
		return days == null ? null : BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP);
	}

}
