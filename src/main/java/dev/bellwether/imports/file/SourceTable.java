package dev.bellwether.imports.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An uploaded file opened for reading: its header and a stream of its data rows, read as
 * they are consumed (the file is never held whole in memory). Close it when done: it
 * holds the file open, and for XLSX a temporary copy.
 * <p>
 * The header's names are trimmed; blank names after the last named column are dropped (a
 * spreadsheet's formatted but empty columns); a blank name between named columns, or two
 * columns of the same name (ignoring case), refuse the file. Rows whose cells are all
 * blank are skipped. A row with more non-blank cells or fewer cells than the header
 * carries a {@link SourceRow#problem() problem} instead of failing the read.
 */
public final class SourceTable implements AutoCloseable {

	private final FileFormat format;

	private final Charset encoding;

	private final Character delimiter;

	private final String sheetName;

	private final List<String> header;

	private final Closeable resource;

	private final RawRows raw;

	private SourceRow next;

	private boolean streamed;

	SourceTable(FileFormat format, Charset encoding, Character delimiter, String sheetName, RawRows raw,
			Closeable resource) {
		this.format = format;
		this.encoding = encoding;
		this.delimiter = delimiter;
		this.sheetName = sheetName;
		this.resource = resource;
		this.raw = raw;
		try {
			RawRow first = nextNonBlank();
			if (first == null) {
				throw new ImportFileException(((sheetName != null) ? "The sheet '" + sheetName + "'" : "The file")
						+ " is empty: it has no header row and no data.");
			}
			this.header = checkedHeader(first.cells());
			this.next = nextRow();
		}
		catch (RuntimeException ex) {
			closeQuietly();
			throw ex;
		}
	}

	/** The raw rows of a format, before the header is applied; null at the end. */
	interface RawRows {

		RawRow next() throws IOException;

	}

	record RawRow(long number, List<String> cells) {
	}

	public FileFormat format() {
		return this.format;
	}

	/** The text encoding detected for a CSV file; {@code null} for XLSX. */
	public Charset encoding() {
		return this.encoding;
	}

	/** The delimiter detected for a CSV file; {@code null} for XLSX. */
	public Character delimiter() {
		return this.delimiter;
	}

	/** The sheet read from an XLSX workbook; {@code null} for CSV. */
	public String sheetName() {
		return this.sheetName;
	}

	/** The column names, in order. */
	public List<String> header() {
		return this.header;
	}

	/**
	 * Whether the file has a header and no data rows (allowed: there is nothing to
	 * import).
	 */
	public boolean headerOnly() {
		return !this.streamed && this.next == null;
	}

	/**
	 * A note for the person importing, such as that the file has no data rows; else null.
	 */
	public String notice() {
		return headerOnly() ? "The file has a header row but no data rows: there is nothing to import." : null;
	}

	/**
	 * The data rows, read as the stream is consumed; the stream can be taken once.
	 * @throws ImportFileException when the file turns out to be damaged, too large or in
	 * a wrong encoding part-way through
	 */
	public Stream<SourceRow> rows() {
		if (this.streamed) {
			throw new IllegalStateException("The rows of a file can be read once.");
		}
		this.streamed = true;
		Iterator<SourceRow> iterator = new Iterator<>() {

			@Override
			public boolean hasNext() {
				return SourceTable.this.next != null;
			}

			@Override
			public SourceRow next() {
				if (SourceTable.this.next == null) {
					throw new NoSuchElementException();
				}
				SourceRow row = SourceTable.this.next;
				SourceTable.this.next = nextRow();
				return row;
			}

		};
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
	}

	@Override
	public void close() {
		try {
			this.resource.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private SourceRow nextRow() {
		RawRow row = nextNonBlank();
		if (row == null) {
			return null;
		}
		List<String> values = withoutTrailingBlanks(row.cells());
		String problem = null;
		if (values.size() > this.header.size()) {
			problem = "Row " + row.number() + " has " + values.size() + " cells; the header names " + this.header.size()
					+ " columns.";
		}
		else if (this.format == FileFormat.CSV && row.cells().size() < this.header.size()) {
			// in XLSX an empty cell is simply absent, so only CSV can be short of cells
			problem = "Row " + row.number() + " has " + row.cells().size() + " cells; the header names "
					+ this.header.size() + " columns.";
		}
		return new SourceRow(row.number(), values, problem);
	}

	private RawRow nextNonBlank() {
		try {
			RawRow row;
			do {
				row = this.raw.next();
			}
			while (row != null && row.cells().stream().allMatch(String::isBlank));
			return row;
		}
		catch (IOException ex) {
			throw new ImportFileException("The file could not be read to its end; it may be damaged or incomplete.");
		}
	}

	private static List<String> checkedHeader(List<String> cells) {
		List<String> names = new ArrayList<>(withoutTrailingBlanks(cells).stream().map(String::strip).toList());
		List<String> problems = new ArrayList<>();
		Map<String, List<Integer>> columnsByName = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).isEmpty()) {
				problems.add("Column " + columnName(i) + " has no header name.");
			}
			else {
				columnsByName.computeIfAbsent(names.get(i).toLowerCase(Locale.ROOT), (name) -> new ArrayList<>())
					.add(i);
			}
		}
		columnsByName.values().stream().filter((columns) -> columns.size() > 1).forEach((columns) -> {
			List<String> letters = columns.stream().map(SourceTable::columnName).toList();
			problems.add("Columns " + String.join(", ", letters) + " are all named '" + names.get(columns.get(0))
					+ "'; give each column its own name.");
		});
		if (!problems.isEmpty()) {
			throw new ImportFileException(String.join(" ", problems));
		}
		return List.copyOf(names);
	}

	private static List<String> withoutTrailingBlanks(List<String> cells) {
		int end = cells.size();
		while (end > 0 && cells.get(end - 1).isBlank()) {
			end--;
		}
		return cells.subList(0, end);
	}

	/** A column as a spreadsheet names it (A, B, … Z, AA …), and its position. */
	static String columnName(int index) {
		StringBuilder letters = new StringBuilder();
		for (int i = index + 1; i > 0; i = (i - 1) / 26) {
			letters.insert(0, (char) ('A' + (i - 1) % 26));
		}
		return letters + " (" + (index + 1) + ")";
	}

	private void closeQuietly() {
		try {
			this.resource.close();
		}
		catch (IOException | RuntimeException ex) {
			// the file is refused already; the refusal is what matters
		}
	}

}
