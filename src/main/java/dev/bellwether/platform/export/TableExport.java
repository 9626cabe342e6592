package dev.bellwether.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Tables of figures already in memory (a report's tables, not a list read page by page)
 * as CSV — through {@link CsvExport}, so no cell reaches a spreadsheet as a formula — or
 * as an XLSX workbook with a sheet per table, with the same cell rules as list exports
 * ({@link ListExports}): money as numbers with two decimals, dates as dates, times in the
 * company's time zone, yes/no for checkboxes in CSV.
 */
public final class TableExport {

	private static final DateTimeFormatter CSV_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private TableExport() {
	}

	/**
	 * A table: its name (the XLSX sheet's, at most 31 characters), headings and rows
	 * (cells in the headings' order; {@code null} for an empty cell).
	 */
	public record Table(String name, List<String> headers, List<List<Object>> rows) {
	}

	/**
	 * Writes one table as CSV.
	 */
	public static void csv(Table table, ZoneId zone, OutputStream out) throws IOException {
		try (CsvExport csv = CsvExport.open(out, table.headers().toArray(String[]::new))) {
			for (List<Object> row : table.rows()) {
				Object[] cells = new Object[row.size()];
				for (int i = 0; i < cells.length; i++) {
					cells[i] = csvCell(row.get(i), zone);
				}
				csv.row(cells);
			}
		}
	}

	/**
	 * Writes the tables as one workbook, a sheet each, headings bold and frozen.
	 */
	public static void xlsx(List<Table> tables, ZoneId zone, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "Bellwether", "1.0");
		for (Table table : tables) {
			Worksheet sheet = workbook.newWorksheet(table.name());
			for (int c = 0; c < table.headers().size(); c++) {
				sheet.value(0, c, table.headers().get(c));
				sheet.style(0, c).bold().set();
			}
			sheet.freezePane(0, 1);
			int r = 1;
			for (List<Object> row : table.rows()) {
				for (int c = 0; c < row.size(); c++) {
					xlsxCell(sheet, r, c, row.get(c), zone);
				}
				r++;
			}
		}
		workbook.finish();
	}

	static Object csvCell(Object value, ZoneId zone) {
		if (value instanceof BigDecimal number) {
			return number.scale() < 0 ? number.setScale(0) : number;
		}
		if (value instanceof Boolean flag) {
			return flag ? "Yes" : "No";
		}
		if (value instanceof LocalDate date) {
			return date.toString();
		}
		if (value instanceof Instant instant) {
			return CSV_DATE_TIME.format(instant.atZone(zone));
		}
		return value;
	}

	static void xlsxCell(Worksheet sheet, int row, int column, Object value, ZoneId zone) {
		if (value == null) {
			return;
		}
		if (value instanceof BigDecimal number) {
			sheet.value(row, column, number);
			if (number.scale() == 2) {
				sheet.style(row, column).format("#,##0.00").set();
			}
		}
		else if (value instanceof Number number) {
			sheet.value(row, column, number);
		}
		else if (value instanceof Boolean flag) {
			sheet.value(row, column, flag);
		}
		else if (value instanceof LocalDate date) {
			sheet.value(row, column, date);
			sheet.style(row, column).format("yyyy-mm-dd").set();
		}
		else if (value instanceof Instant instant) {
			sheet.value(row, column, LocalDateTime.ofInstant(instant, zone));
			sheet.style(row, column).format("yyyy-mm-dd hh:mm").set();
		}
		else {
			sheet.value(row, column, value.toString());
		}
	}

}
