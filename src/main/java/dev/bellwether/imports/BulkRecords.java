package dev.bellwether.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Records sent to the bulk API, written as the CSV file their import keeps (its source,
 * read by the same run as an uploaded file). Values are written as they are: no formula
 * neutralising, since the file is Bellwether's own and never opened in a spreadsheet.
 */
final class BulkRecords {

	private BulkRecords() {
	}

	static byte[] csv(List<String> keys, List<Map<String, Object>> records) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
				CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
			printer.printRecord(keys);
			for (Map<String, Object> record : records) {
				for (String key : keys) {
					printer.print(text(record.get(key)));
				}
				printer.println();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString()).toPlainString();
		}
		return value.toString();
	}

}
