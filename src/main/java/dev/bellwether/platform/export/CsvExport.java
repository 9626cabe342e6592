package dev.bellwether.platform.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way Bellwether writes CSV: every CSV export uses it, so that none can carry a
 * formula into a spreadsheet program (CSV or formula injection). A text cell starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written
 * with a single quote in front, as OWASP recommends, so that Excel, LibreOffice and
 * Google Sheets show it as text instead of running it; numbers are written as they are.
 * Quoting follows RFC 4180 (Apache Commons CSV), in UTF-8 with a byte-order mark so that
 * spreadsheet programs read accents right.
 *
 * <pre>{@code
 * try (CsvExport csv = CsvExport.open(response.getOutputStream(), "Name", "Amount")) {
 *     csv.row(deal.name(), deal.amount());
 * }
 * }</pre>
 */
public final class CsvExport implements Closeable {

	private final CSVPrinter printer;

	private CsvExport(CSVPrinter printer) {
		this.printer = printer;
	}

	/**
	 * Starts an export with its header row.
	 */
	public static CsvExport open(OutputStream out, String... headers) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		String[] safeHeaders = new String[headers.length];
		for (int i = 0; i < headers.length; i++) {
			safeHeaders[i] = neutralised(headers[i]);
		}
		return new CsvExport(new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(safeHeaders).get()));
	}

	/**
	 * Writes one row; {@code null} is an empty cell.
	 */
	public void row(Object... values) throws IOException {
		for (Object value : values) {
			this.printer.print(cell(value));
		}
		this.printer.println();
	}

	@Override
	public void close() throws IOException {
		this.printer.close(true);
	}

	static Object cell(Object value) {
		if (value == null || value instanceof Number) {
			return value;
		}
		return neutralised(value.toString());
	}

	/**
	 * @return the text, with a single quote in front when a spreadsheet program would
	 * take it for a formula
	 */
	public static String neutralised(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
			default -> text;
		};
	}

}
