package dev.bellwether.forecasting.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.Forecast;
import dev.bellwether.forecasting.ForecastAmounts;
import dev.bellwether.forecasting.ForecastMeasures;
import dev.bellwether.forecasting.ForecastRow;
import dev.bellwether.forecasting.Forecasts;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.export.ExportFormat;
import dev.bellwether.platform.export.TableExport;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The forecast grid as a file, through the platform's formula-safe {@link TableExport}:
 * one row per grid row (every row, expanded), gross and adjusted figures and the quota
 * measures. Scoped like the page: the same {@link Forecasts#forecast} for the same
 * viewer.
 */
@Component
class ForecastExports {

	static final List<String> HEADERS = Arrays.asList("Row", "Kind", "Person", "Depth", "Active", "Closed", "Commit",
			"Best case", "Pipeline", "Omitted", "Commit forecast", "Best case forecast", "Open pipeline",
			"Adjusted commit", "Adjusted best case", "Adjusted pipeline", "Adjusted commit forecast",
			"Adjusted best case forecast", "Quota", "Attainment", "Gap to quota", "Coverage");

	private final Forecasts forecasts;

	private final ZoneId zone;

	ForecastExports(Forecasts forecasts, FiscalCalendar calendar) {
		this.forecasts = forecasts;
		this.zone = calendar.zone();
	}

	/**
	 * Writes the grid to the response, with its file name.
	 * @throws dev.bellwether.platform.InvalidInputException for an unknown format or
	 * period (before anything is written)
	 */
	void write(Viewer viewer, String period, UUID manager, String format, HttpServletResponse response)
			throws IOException {
		ExportFormat fileFormat = ExportFormat.of(format);
		Forecast forecast = this.forecasts.forecast(viewer, period, manager);
		TableExport.Table table = table(forecast);
		response.setContentType(fileFormat.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("forecast-" + forecast.period().code() + "." + fileFormat.extension())
					.build()
					.toString());
		if (fileFormat == ExportFormat.CSV) {
			TableExport.csv(table, this.zone, response.getOutputStream());
		}
		else {
			TableExport.xlsx(List.of(table), this.zone, response.getOutputStream());
		}
	}

	static TableExport.Table table(Forecast forecast) {
		List<List<Object>> rows = new ArrayList<>();
		for (ForecastRow row : forecast.rows()) {
			ForecastAmounts a = row.amounts();
			ForecastAmounts adj = row.adjusted();
			ForecastMeasures m = row.measures();
			String label = switch (row.kind()) {
				case TEAM -> row.name() + "'s team";
				case OWN -> row.name() + " (own deals)";
				case PERSON -> row.name();
			};
			rows.add(Arrays.asList(label, row.kind().name(), row.name(), row.depth(), row.active(), a.closed(),
					a.commit(), a.bestCase(), a.pipeline(), a.omitted(), a.commitForecast(), a.bestCaseForecast(),
					a.openPipeline(), adj.commit(), adj.bestCase(), adj.pipeline(), adj.commitForecast(),
					adj.bestCaseForecast(), m.quota(), m.attainment(), m.gap(),
					m.coverageState() == ForecastMeasures.Coverage.QUOTA_MET ? "met" : m.coverage()));
		}
		return new TableExport.Table("Forecast " + forecast.period().code(), HEADERS, rows);
	}

}
