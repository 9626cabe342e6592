package dev.bellwether.forecasting.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.ForecastAccuracy;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.export.ExportFormat;
import dev.bellwether.platform.export.TableExport;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Forecast accuracy as a file, through the platform's formula-safe {@link TableExport}:
 * CSV one table ({@code table=accuracy}, the default, or {@code weekly}), XLSX both as
 * sheets. Scoped like the page: the same {@link ForecastAccuracy} report for the same
 * viewer.
 */
@Component
class ForecastAccuracyExports {

	static final List<String> ACCURACY_HEADERS = List.of("Person", "Row", "Period", "Period over",
			"Start forecast taken at", "Start forecast", "Actual (won)", "Won deals", "Accuracy %", "Bias %",
			"Commit deals at start", "Of them won", "Commit amount at start", "Of it won", "Commit-to-close (count) %",
			"Commit-to-close (value) %", "MAPE across periods %", "Periods in MAPE");

	private final ForecastAccuracy accuracy;

	private final FiscalCalendar calendar;

	ForecastAccuracyExports(ForecastAccuracy accuracy, FiscalCalendar calendar) {
		this.accuracy = accuracy;
		this.calendar = calendar;
	}

	void write(Viewer viewer, String period, String from, String to, UUID manager, String format, String table,
			HttpServletResponse response) throws IOException {
		ExportFormat fileFormat = ExportFormat.of(format);
		String only = null;
		if (fileFormat == ExportFormat.CSV) {
			only = table == null || table.isBlank() ? "accuracy" : table.strip().toLowerCase(java.util.Locale.ROOT);
			if (!only.equals("accuracy") && !only.equals("weekly")) {
				throw new InvalidInputException("table", "A table is accuracy or weekly.");
			}
		}
		List<dev.bellwether.platform.FiscalPeriod> periods = this.accuracy.periods(period, from, to);
		ForecastAccuracy.Report report = this.accuracy.report(viewer, manager, periods);
		List<TableExport.Table> tables = tables(report);
		String name = "forecast-accuracy-" + periods.get(0).code()
				+ (periods.size() > 1 ? "-" + periods.get(periods.size() - 1).code() : "")
				+ (only == null ? "" : "-" + only) + "." + fileFormat.extension();
		response.setContentType(fileFormat.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
		if (only == null) {
			TableExport.xlsx(tables, this.calendar.zone(), response.getOutputStream());
		}
		else {
			TableExport.csv(tables.get(only.equals("accuracy") ? 0 : 1), this.calendar.zone(),
					response.getOutputStream());
		}
	}

	static List<TableExport.Table> tables(ForecastAccuracy.Report report) {
		List<List<Object>> rows = new ArrayList<>();
		List<List<Object>> weekly = new ArrayList<>();
		for (ForecastAccuracy.Row row : report.rows()) {
			String kind = row.team() ? "team" : (row.deactivated() ? "person (deactivated)" : "person");
			for (ForecastAccuracy.PeriodFigures f : row.periods()) {
				rows.add(Arrays.asList(row.name(), kind, f.period().code(), f.over() ? "yes" : "no",
						f.start() == null ? null : f.start().at(), f.startForecast(), f.actual(), f.wonDeals(),
						percent(f.accuracy()), percent(f.bias()), f.commitDeals(), f.commitWon(), f.commitAmount(),
						f.commitWonAmount(), percent(f.commitToCloseCount()), percent(f.commitToCloseValue()),
						percent(row.mape()), row.mapePeriods()));
				for (ForecastAccuracy.Point point : f.weeks()) {
					weekly.add(Arrays.asList(row.name(), kind, f.period().code(), point.at(), point.closed(),
							point.commit(), point.forecast(), f.actual()));
				}
			}
		}
		return List.of(new TableExport.Table("Accuracy", ACCURACY_HEADERS, rows),
				new TableExport.Table("Weekly", List.of("Person", "Row", "Period", "Snapshot taken at", "Won by then",
						"Commit then", "Forecast", "Actual (won)"), weekly));
	}

	static BigDecimal percent(BigDecimal ratio) {
		return ratio == null ? null : ratio.movePointRight(2).setScale(2);
	}

}
