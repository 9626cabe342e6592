package dev.bellwether.adoption.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.bellwether.adoption.AdoptionScores;
import dev.bellwether.adoption.Score;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
			"Weights (activity/breadth/freshness/" + "timeliness/reporting)", "Computed at (UTC)" };

	private ScoreExports() {
	}

	static void csv(List<Score> scores, AdoptionScores.Period period, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		// a byte-order mark, so that spreadsheet programs read the names' accents right
		writer.write('\uFEFF');
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADERS).get())) {
			for (Score score : scores) {
				csv.print(score.fullName());
				csv.print(score.managerName());
				csv.print(period.label());
				csv.print(period.start());
				csv.print(period.end());
				csv.print(score.score());
				for (String component : COMPONENTS) {
					csv.print(percent(score.component(component)));
				}
				csv.print(weights(score));
				csv.print(score.computedAt());
				csv.println();
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
