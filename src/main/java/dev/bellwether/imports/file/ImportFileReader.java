package dev.bellwether.imports.file;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.util.unit.DataSize;

/**
 * Reads an uploaded file into a {@link SourceTable}: a header row and rows of strings,
 * streamed.
 * <p>
 * <b>Format</b> is decided by the content, not the name: a zip archive is read as XLSX,
 * text as CSV; an old Excel (.xls) file, a PDF, an image or any other binary content is
 * refused, as is text named {@code .xlsx}.
 * <p>
 * <b>CSV</b> (Apache Commons CSV): the encoding is UTF-16 when the file starts with its
 * byte-order mark, UTF-8 (a byte-order mark skipped) when the first megabyte is valid
 * UTF-8, else Windows-1252 (the ANSI encoding of Excel on Western Windows); the delimiter
 * is the one of {@code , ; TAB |} that splits the first records (quotes respected) into
 * the same number of cells; quoted fields may hold delimiters, line breaks and doubled
 * quotes; empty lines are skipped.
 * <p>
 * <b>XLSX</b> (fastexcel-reader): the first sheet or a {@link SheetChoice chosen} one.
 * Dates come out as ISO dates ({@code 2026-06-17}, or {@code 2026-06-17T09:30:00} with a
 * time), numbers as plain decimals ({@code 1234567.5}: no grouping, no exponent),
 * booleans as {@code true}/{@code false}, formulas as their last computed value.
 * <p>
 * <b>Limits</b> ({@link ImportFileLimits}): a file above the maximum size, an XLSX file
 * that unpacks to more than the maximum uncompressed size, an empty file, a damaged
 * workbook and a header with blank or repeated names are refused with an
 * {@link ImportFileException} whose message says what is wrong.
 */
public class ImportFileReader {

	private static final int SAMPLE_SIZE = 1024 * 1024;

	private static final char[] DELIMITERS = { ',', ';', '\t', '|' };

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final ImportFileLimits limits;

	public ImportFileReader(ImportFileLimits limits) {
		this.limits = limits;
	}

	/**
	 * @return how much a file may hold
	 */
	public ImportFileLimits limits() {
		return this.limits;
	}

	/**
	 * Reads a file held in memory; see {@link #read(InputStream, String, SheetChoice)}.
	 */
	public SourceTable read(byte[] content, String fileName, SheetChoice sheet) {
		if (content.length > this.limits.maxFileSize().toBytes()) {
			throw tooLarge(content.length);
		}
		return read(new ByteArrayInputStream(content), fileName, sheet);
	}

	/**
	 * Opens an uploaded file for reading. The stream is read as the rows are; it is
	 * closed with the returned table (or at once when the file is refused).
	 * @param fileName the name it was uploaded with, used only for clearer messages
	 * @throws ImportFileException when the file cannot be imported as it is
	 */
	public SourceTable read(InputStream content, String fileName, SheetChoice sheet) {
		InputStream limited = new SizeLimitedStream(content, this.limits.maxFileSize().toBytes());
		try {
			byte[] sample = limited.readNBytes(SAMPLE_SIZE);
			InputStream whole = new SequenceInputStream(new ByteArrayInputStream(sample), limited);
			String name = (fileName != null) ? fileName : "";
			String lowerName = name.toLowerCase(Locale.ROOT);
			if (sample.length == 0) {
				throw new ImportFileException("The file is empty.");
			}
			if (startsWith(sample, 'P', 'K', 3, 4) || startsWith(sample, 'P', 'K', 5, 6)) {
				return XlsxRows.open(whole, sheet, this.limits);
			}
			if (startsWith(sample, 0xD0, 0xCF, 0x11, 0xE0)) {
				throw new ImportFileException(
						"This is an old Excel (.xls) or other Office 97–2003 file, which cannot be"
								+ " imported: save it as Excel Workbook (.xlsx) or CSV and upload that.");
			}
			if (startsWith(sample, '%', 'P', 'D', 'F')) {
				throw new ImportFileException(unsupported("a PDF document"));
			}
			if (lowerName.endsWith(".xlsx") || lowerName.endsWith(".xlsm")) {
				throw new ImportFileException(
						"'" + name + "' is named as an Excel workbook but is not one (an XLSX file is a"
								+ " zip archive); it may be damaged, or another kind of file renamed.");
			}
			Charset encoding = encodingOf(sample);
			if (encoding == null) {
				throw new ImportFileException(unsupported("binary content, not text"));
			}
			return openCsv(new SequenceInputStream(new ByteArrayInputStream(sample), content), sample, encoding);
		}
		catch (IOException ex) {
			closeQuietly(content);
			throw new ImportFileException("The file could not be read; the upload may be incomplete.");
		}
		catch (RuntimeException ex) {
			closeQuietly(content);
			throw ex;
		}
	}

	private SourceTable openCsv(InputStream rest, byte[] sample, Charset encoding) throws IOException {
		// the sample bytes are read again as the start of the stream, now with the size
		// limit
		InputStream limited = new SizeLimitedStream(rest, this.limits.maxFileSize().toBytes());
		int bom = bomLength(sample);
		limited.skipNBytes(bom);
		String text = decodeSample(sample, bom, encoding);
		if (text.isBlank()) {
			closeQuietly(limited);
			throw new ImportFileException("The file is empty.");
		}
		char delimiter = delimiterOf(text);
		CharsetDecoder decoder = encoding.newDecoder()
			.onMalformedInput(
					encoding.equals(StandardCharsets.UTF_8) ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(true)
			.setTrim(false)
			.get();
		CSVParser parser = CSVParser.builder()
			.setReader(new InputStreamReader(limited, decoder))
			.setFormat(format)
			.get();
		Iterator<CSVRecord> records = parser.iterator();
		SourceTable.RawRows raw = () -> {
			try {
				if (!records.hasNext()) {
					return null;
				}
				CSVRecord record = records.next();
				return new SourceTable.RawRow(record.getRecordNumber(), record.toList());
			}
			catch (UncheckedIOException ex) {
				if (ex.getCause() instanceof CharacterCodingException) {
					throw new ImportFileException("Past line " + parser.getCurrentLineNumber()
							+ " the file is not valid UTF-8 text, although it starts as such: save it again as"
							+ " 'CSV UTF-8' and upload that.");
				}
				if (ex.getMessage() != null && ex.getMessage().contains("EOF reached before encapsulated token")) {
					throw new ImportFileException(
							"A quoted value that starts near line " + parser.getCurrentLineNumber()
									+ " is never closed: the file may be cut short or have a stray quote (\").");
				}
				throw new ImportFileException("The file could not be read as CSV near line "
						+ parser.getCurrentLineNumber() + ": " + ex.getCause().getMessage());
			}
		};
		return new SourceTable(FileFormat.CSV, encoding, delimiter, null, raw, parser);
	}

	/**
	 * UTF-16 or UTF-8 by byte-order mark, UTF-8 when valid, else Windows-1252; null for
	 * binary.
	 */
	static Charset encodingOf(byte[] sample) {
		if (startsWith(sample, 0xFE, 0xFF)) {
			return StandardCharsets.UTF_16BE;
		}
		if (startsWith(sample, 0xFF, 0xFE)) {
			return StandardCharsets.UTF_16LE;
		}
		int controls = 0;
		for (byte b : sample) {
			if (b == 0) {
				return null;
			}
			if ((b & 0xFF) < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
				controls++;
			}
		}
		if (controls > sample.length / 100) {
			return null;
		}
		int bom = bomLength(sample);
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer out = CharBuffer.allocate(sample.length);
		// not the end of input: a character cut by the sample's end is not an error
		CoderResult result = utf8.decode(ByteBuffer.wrap(sample, bom, sample.length - bom), out,
				sample.length < SAMPLE_SIZE);
		return result.isError() ? WINDOWS_1252 : StandardCharsets.UTF_8;
	}

	private static int bomLength(byte[] sample) {
		if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
			return 3;
		}
		return (startsWith(sample, 0xFE, 0xFF) || startsWith(sample, 0xFF, 0xFE)) ? 2 : 0;
	}

	private static String decodeSample(byte[] sample, int bom, Charset encoding) {
		CharsetDecoder decoder = encoding.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		CharBuffer out = CharBuffer.allocate(sample.length);
		decoder.decode(ByteBuffer.wrap(sample, bom, sample.length - bom), out, false);
		return out.flip().toString();
	}

	/**
	 * The delimiter that splits the sample's first records into the same number of cells,
	 * the most cells when several do; else the one most found in the first record; else a
	 * comma. Delimiters inside quotes do not count.
	 */
	static char delimiterOf(String text) {
		List<int[]> counts = new ArrayList<>();
		int[] current = new int[DELIMITERS.length];
		boolean quoted = false;
		boolean any = false;
		for (int i = 0; i < text.length() && counts.size() < 20; i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				if (any) {
					counts.add(current);
				}
				current = new int[DELIMITERS.length];
				any = false;
			}
			else if (!quoted) {
				any = true;
				for (int d = 0; d < DELIMITERS.length; d++) {
					if (c == DELIMITERS[d]) {
						current[d]++;
					}
				}
			}
		}
		if (any && counts.isEmpty()) {
			counts.add(current);
		}
		if (counts.isEmpty()) {
			return ',';
		}
		int best = -1;
		int bestCount = 0;
		for (int d = 0; d < DELIMITERS.length; d++) {
			int first = counts.get(0)[d];
			final int column = d;
			boolean consistent = first > 0 && counts.stream().allMatch((record) -> record[column] == first);
			if (consistent && first > bestCount) {
				best = d;
				bestCount = first;
			}
		}
		if (best < 0) {
			for (int d = 0; d < DELIMITERS.length; d++) {
				if (counts.get(0)[d] > bestCount) {
					best = d;
					bestCount = counts.get(0)[d];
				}
			}
		}
		return (best < 0) ? ',' : DELIMITERS[best];
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String unsupported(String what) {
		return "The file holds " + what + ", which cannot be imported: upload a CSV file or an Excel workbook (.xlsx).";
	}

	ImportFileException tooLarge(long size) {
		return new ImportFileException("The file is " + describe(size) + "; the largest file that can be imported is "
				+ describe(this.limits.maxFileSize().toBytes()) + ". Split it into smaller files.");
	}

	static String describe(long bytes) {
		if (bytes >= DataSize.ofMegabytes(1).toBytes()) {
			return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace(".0 MB", " MB");
		}
		if (bytes >= 1024) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " bytes";
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// refused already
		}
	}

	/** Counts the bytes read and refuses the file once they pass the maximum. */
	static final class SizeLimitedStream extends FilterInputStream {

		private final long max;

		private long count;

		SizeLimitedStream(InputStream in, long max) {
			super(in);
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			counted(skipped);
			return skipped;
		}

		private void counted(long n) {
			this.count += n;
			if (this.count > this.max) {
				throw new ImportFileException("The file is larger than " + describe(this.max)
						+ ", the largest file that can be imported. Split it into smaller files.");
			}
		}

	}

}
