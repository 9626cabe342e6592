package dev.bellwether.adoption.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import dev.bellwether.adoption.AdoptionScores;
import dev.bellwether.adoption.Score;
import dev.bellwether.platform.export.CsvExport;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Adoption scores as CSV (Apache Commons CSV) and XLSX (fastexcel), for objectives set
 * outside the CRM.
 */
final class ScoreExports {

	static final List<String> COMPONENTS = List.of("activity", "breadth", "freshness", "timeliness", "reporting");

	static final String[] HEADERS = { "Person", "Manager", "Period", "From", "To", "Score", "Activity %", "Breadth %",
			"Freshness %", "Timeliness %", "Reporting %",
			"Weights (activity/breadth/freshness/" + "timeliness/reporting)", "Computed at (UTC)", "Partial",
			"Measured through", "Elapsed working days", "Working days" };

	private ScoreExports() {
	}

	/**
	 * Through the platform's {@link CsvExport}: names are people's input and must not
	 * reach a spreadsheet as formulas.
	 */
	static void csv(List<Score> scores, AdoptionScores.Period period, OutputStream out) throws IOException {
		try (CsvExport csv = CsvExport.open(out, HEADERS)) {
			for (Score score : scores) {
				// names may be null (no manager): not List.of
				List<Object> row = new ArrayList<>();
				row.add(score.fullName());
				row.add(score.managerName());
				row.add(period.label());
				row.add(period.start());
				row.add(period.end());
				row.add(score.score());
				for (String component : COMPONENTS) {
					row.add(percent(score.component(component)));
				}
				row.add(weights(score));
				row.add(score.computedAt());
				row.add(score.partial());
				row.add(score.measuredThrough());
				row.add(score.elapsedWorkingDays());
				row.add(score.workingDays());
				csv.row(row.toArray());
			}
		}
	}

	static void xlsx(List<Score> scores, AdoptionScores.Period period, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "Bellwether", "1.0");
		Worksheet sheet = workbook.newWorksheet("Adoption scores");
		for (int c = 0; c < HEADERS.length; c++) {
			sheet.value(0, c, HEADERS[c]);
			sheet.style(0, c).bold().set();
		}
		int row = 1;
		for (Score score : scores) {
			sheet.value(row, 0, score.fullName());
			sheet.value(row, 1, score.managerName());
			sheet.value(row, 2, period.label());
			sheet.value(row, 3, period.start());
			sheet.style(row, 3).format("yyyy-mm-dd").set();
			sheet.value(row, 4, period.end());
			sheet.style(row, 4).format("yyyy-mm-dd").set();
			sheet.value(row, 5, score.score());
			for (int i = 0; i < COMPONENTS.size(); i++) {
				Integer value = percent(score.component(COMPONENTS.get(i)));
				if (value != null) {
					sheet.value(row, 6 + i, value);
				}
			}
			sheet.value(row, 11, weights(score));
			sheet.value(row, 12, score.computedAt().toString());
			sheet.value(row, 13, score.partial());
			sheet.value(row, 14, score.measuredThrough());
			sheet.style(row, 14).format("yyyy-mm-dd").set();
			sheet.value(row, 15, score.elapsedWorkingDays());
			sheet.value(row, 16, score.workingDays());
			row++;
		}
		sheet.freezePane(0, 1);
		workbook.finish();
	}

	static Integer percent(Double share) {
		return share == null ? null : (int) Math.round(share * 100);
	}

	private static String weights(Score score) {
		return COMPONENTS.stream()
			.map(c -> String.valueOf(score.weights().getOrDefault(c, 0)))
			.reduce((a, b) -> a + "/" + b)
			.orElse("");
	}

}
