package dev.bellwether.platform.export;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTests {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://evil.example\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1" })
	void textThatASpreadsheetWouldRunAsAFormulaGetsAQuoteInFront(String text) {
		assertThat(CsvExport.neutralised(text)).isEqualTo("'" + text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ada Lovelace", "O'Brien", "1+1", "a=b", " =1", "" })
	void otherTextIsLeftAsItIs(String text) {
		assertThat(CsvExport.neutralised(text)).isEqualTo(text);
	}

	@Test
	void writesHeaderAndRowsWithFormulasNeutralisedAndNumbersKept() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvExport csv = CsvExport.open(out, "Name", "Manager", "Day", "Change", "Amount")) {
			csv.row("=cmd|' /C calc'!A0", null, LocalDate.of(2026, 12, 4), -5, new BigDecimal("-1.50"));
			csv.row("Zoë \"Z\" Turner", "@manager", LocalDate.of(2026, 12, 5), 3, null);
		}

		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		assertThat(text.substring(1).split("\r\n")).containsExactly("Name,Manager,Day,Change,Amount",
				"'=cmd|' /C calc'!A0,,2026-12-04,-5,-1.50", "\"Zoë \"\"Z\"\" Turner\",'@manager,2026-12-05,3,");
	}

}
