package dev.bellwether.marketing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.bellwether.platform.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The e-mail addresses of a file of campaign members: a CSV (comma or semicolon) with a
 * column headed "email" or "e-mail" (any case, any other columns beside it), or one
 * address per line with no header.
 */
public final class CampaignMemberFile {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

	private static final Pattern EMAIL_HEADER = Pattern.compile("e-?mail( address)?");

	private CampaignMemberFile() {
	}

	/**
	 * @return the addresses, in file order (blank cells left out)
	 * @throws InvalidInputException naming {@code file} when it has no e-mail column
	 */
	public static List<String> emails(Reader text) {
		List<CSVRecord> rows;
		try {
			String content = read(text);
			char delimiter = firstLine(content).contains(";") && !firstLine(content).contains(",") ? ';' : ',';
			try (CSVParser parser = CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter)
				.setIgnoreEmptyLines(true)
				.setTrim(true)
				.get()
				.parse(new java.io.StringReader(content))) {
				rows = parser.getRecords();
			}
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			throw new InvalidInputException("file", "The file could not be read as CSV: " + ex.getMessage());
		}
		if (rows.isEmpty()) {
			throw new InvalidInputException("file", "The file is empty; it needs an e-mail address on each line.");
		}
		int column = emailColumn(rows.get(0));
		boolean header = column >= 0;
		if (!header) {
			column = 0;
			if (!EMAIL.matcher(rows.get(0).get(0)).matches()) {
				throw new InvalidInputException("file", "The file has no column headed \"email\" and its first line is "
						+ "no e-mail address; add an \"email\" header, or put one address on each line.");
			}
		}
		List<String> emails = new ArrayList<>();
		for (int i = header ? 1 : 0; i < rows.size(); i++) {
			CSVRecord row = rows.get(i);
			if (column < row.size() && !row.get(column).isBlank()) {
				emails.add(row.get(column));
			}
		}
		return emails;
	}

	private static int emailColumn(CSVRecord first) {
		for (int i = 0; i < first.size(); i++) {
			if (EMAIL_HEADER.matcher(first.get(i).trim().toLowerCase(Locale.ROOT)).matches()) {
				return i;
			}
		}
		return -1;
	}

	private static String read(Reader reader) throws IOException {
		StringBuilder text = new StringBuilder();
		char[] buffer = new char[8192];
		for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
			text.append(buffer, 0, n);
		}
		// a byte-order mark from a spreadsheet's export
		return (text.length() > 0 && text.charAt(0) == '\uFEFF') ? text.substring(1) : text.toString();
	}

	private static String firstLine(String content) {
		int end = content.indexOf('\n');
		return end < 0 ? content : content.substring(0, end);
	}

}
