package dev.bellwether.imports.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportFileReaderTests {

	private final ImportFileReader reader = new ImportFileReader(ImportFileLimits.DEFAULTS);

	@Test
	void readsSemicolonCsvWithQuotedLineBreaksAndDoubledQuotes() {
		String csv = "Name;Notes;Amount\r\nAcme;\"first line\nsecond; line\";1200,50\r\n\"Bolt \"\"Ltd\"\"\";;7\r\n\r\n\r\n";
		try (SourceTable table = read(csv.getBytes(StandardCharsets.UTF_8), "deals.csv")) {
			assertThat(table.format()).isEqualTo(FileFormat.CSV);
			assertThat(table.delimiter()).isEqualTo(';');
			assertThat(table.header()).containsExactly("Name", "Notes", "Amount");
			List<SourceRow> rows = table.rows().toList();
			assertThat(rows).extracting(SourceRow::cells)
				.containsExactly(List.of("Acme", "first line\nsecond; line", "1200,50"),
						List.of("Bolt \"Ltd\"", "", "7"));
			assertThat(rows).allMatch(SourceRow::fitsHeader);
		}
	}

	@Test
	void readsWindows1252AccentsWrittenAsSingleBytes() {
		byte[] file = "Société,Ville\nÉlan Crème,Besançon\n".getBytes(ImportFileReader.WINDOWS_1252);
		try (SourceTable table = read(file, "comptes.csv")) {
			assertThat(table.encoding()).isEqualTo(ImportFileReader.WINDOWS_1252);
			assertThat(table.header()).containsExactly("Société", "Ville");
			assertThat(table.rows().toList()).singleElement()
				.extracting(SourceRow::cells)
				.isEqualTo(List.of("Élan Crème", "Besançon"));
		}
	}

	@Test
	void skipsTheUtf8ByteOrderMark() {
		byte[] text = "Email,Name\nana@example.com,Ana Núñez\n".getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[text.length + 3];
		file[0] = (byte) 0xEF;
		file[1] = (byte) 0xBB;
		file[2] = (byte) 0xBF;
		System.arraycopy(text, 0, file, 3, text.length);
		try (SourceTable table = read(file, "contacts.csv")) {
			assertThat(table.encoding()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(table.header()).containsExactly("Email", "Name");
			assertThat(table.rows().toList()).singleElement()
				.extracting(SourceRow::cells)
				.isEqualTo(List.of("ana@example.com", "Ana Núñez"));
		}
	}

	@Test
	void readsUtf16WithItsByteOrderMark() {
		byte[] file = "\uFEFFName\tCity\nZoë\tKöln\n".getBytes(StandardCharsets.UTF_16LE);
		try (SourceTable table = read(file, "export.txt")) {
			assertThat(table.encoding()).isEqualTo(StandardCharsets.UTF_16LE);
			assertThat(table.header()).containsExactly("Name", "City");
			assertThat(table.rows().toList()).singleElement()
				.extracting(SourceRow::cells)
				.isEqualTo(List.of("Zoë", "Köln"));
		}
	}

	@Test
	void detectsTabsAndPipesEvenWhenCommasAppearInValues() {
		try (SourceTable table = read("Name\tAmount\nAcme, Inc.\t1,200\nBolt\t7\n".getBytes(StandardCharsets.UTF_8),
				"deals.tsv")) {
			assertThat(table.delimiter()).isEqualTo('\t');
			assertThat(table.rows().toList()).extracting(SourceRow::cells)
				.containsExactly(List.of("Acme, Inc.", "1,200"), List.of("Bolt", "7"));
		}
		try (SourceTable table = read("a|b\n1|2\n".getBytes(StandardCharsets.UTF_8), "x.csv")) {
			assertThat(table.delimiter()).isEqualTo('|');
		}
	}

	@Test
	void reportsRowsWithTooManyOrTooFewCellsAndGoesOn() {
		String csv = "Name,City\nAcme,Paris,extra\nBolt\nCirce,Rome,\n";
		try (SourceTable table = read(csv.getBytes(StandardCharsets.UTF_8), "accounts.csv")) {
			List<SourceRow> rows = table.rows().toList();
			assertThat(rows).hasSize(3);
			assertThat(rows.get(0).problem()).isEqualTo("Row 2 has 3 cells; the header names 2 columns.");
			assertThat(rows.get(0).cell(2)).isEqualTo("extra");
			assertThat(rows.get(1).problem()).isEqualTo("Row 3 has 1 cells; the header names 2 columns.");
			assertThat(rows.get(1).cell(1)).isEmpty();
			// an empty trailing cell is no extra value
			assertThat(rows.get(2).fitsHeader()).isTrue();
		}
	}

	@Test
	void refusesDuplicatedAndBlankHeaderNamesNamingTheirColumns() {
		assertThatThrownBy(() -> read("Email,Name,email,,City\n".getBytes(StandardCharsets.UTF_8), "c.csv"))
			.isInstanceOf(ImportFileException.class)
			.hasMessageContaining("Column D (4) has no header name.")
			.hasMessageContaining("Columns A (1), C (3) are all named 'Email'");
	}

	@Test
	void refusesAQuoteThatIsNeverClosedNamingWhereItStarts() {
		byte[] file = "Name,Notes\nAcme,fine\nBolt,\"cut short\nand never closed\n".getBytes(StandardCharsets.UTF_8);
		try (SourceTable table = read(file, "cut.csv")) {
			assertThatThrownBy(() -> table.rows().toList()).isInstanceOf(ImportFileException.class)
				.hasMessageContaining("is never closed");
		}
	}

	@Test
	void refusesUtf8ThatBreaksAfterItsFirstMegabyteAtTheLineWhereItBreaks() {
		StringBuilder csv = new StringBuilder("Name,City\n");
		while (csv.length() < 1_100_000) {
			csv.append("Acme,Paris\n");
		}
		byte[] ascii = csv.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] file = java.util.Arrays.copyOf(ascii, ascii.length + 9);
		System.arraycopy("Soci\u00e9t\u00e9,X\n".getBytes(ImportFileReader.WINDOWS_1252), 0, file, ascii.length, 9);
		try (SourceTable table = read(file, "mixed.csv")) {
			assertThat(table.encoding()).isEqualTo(StandardCharsets.UTF_8);
			assertThatThrownBy(() -> table.rows().count()).isInstanceOf(ImportFileException.class)
				.hasMessageContaining("not valid UTF-8")
				.hasMessageContaining("CSV UTF-8");
		}
	}

	@Test
	void acceptsAHeaderOnlyFileAndSaysSo() {
		try (SourceTable table = read("Name,City\n\n".getBytes(StandardCharsets.UTF_8), "empty.csv")) {
			assertThat(table.header()).containsExactly("Name", "City");
			assertThat(table.headerOnly()).isTrue();
			assertThat(table.notice()).contains("no data rows");
			assertThat(table.rows()).isEmpty();
		}
	}

	@Test
	void refusesAnEmptyFile() {
		assertThatThrownBy(() -> read(new byte[0], "empty.csv")).isInstanceOf(ImportFileException.class)
			.hasMessage("The file is empty.");
		assertThatThrownBy(() -> read("\r\n\r\n".getBytes(StandardCharsets.UTF_8), "blank.csv"))
			.isInstanceOf(ImportFileException.class)
			.hasMessage("The file is empty.");
	}

	@Test
	void refusesBinaryContentWhateverItsName() {
		byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> read(pdf, "deals.csv")).isInstanceOf(ImportFileException.class)
			.hasMessageContaining("a PDF document");
		byte[] binary = { 0x12, 0x00, 0x7F, 0x45, 0x00, 0x01, 0x02 };
		assertThatThrownBy(() -> read(binary, "deals.csv")).isInstanceOf(ImportFileException.class)
			.hasMessageContaining("binary content");
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertThatThrownBy(() -> read(xls, "deals.xls")).isInstanceOf(ImportFileException.class)
			.hasMessageContaining("old Excel (.xls)");
		assertThatThrownBy(() -> read("Name\nAcme\n".getBytes(StandardCharsets.UTF_8), "deals.xlsx"))
			.isInstanceOf(ImportFileException.class)
			.hasMessageContaining("is named as an Excel workbook but is not one");
	}

	@Test
	void refusesAFileAboveTheMaximumSizeWithItsSize() {
		ImportFileReader small = new ImportFileReader(new ImportFileLimits(DataSize.ofKilobytes(1), null));
		byte[] file = ("Name\n" + "Acme\n".repeat(600)).getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> small.read(file, "big.csv", SheetChoice.first()))
			.isInstanceOf(ImportFileException.class)
			.hasMessage(
					"The file is 2 KB; the largest file that can be imported is 1 KB. Split it into smaller files.");
		assertThatThrownBy(() -> {
			try (SourceTable table = small.read(new java.io.ByteArrayInputStream(file), "big.csv",
					SheetChoice.first())) {
				table.rows().count();
			}
		}).isInstanceOf(ImportFileException.class).hasMessageContaining("larger than 1 KB");
		assertThat(ImportFileLimits.DEFAULTS.maxFileSize()).isEqualTo(DataSize.ofMegabytes(200));
	}

	@Test
	void streamsAHundredThousandRowsFromAStreamMadeOnTheFly() {
		GeneratedCsv csv = new GeneratedCsv(100_000);
		try (SourceTable table = this.reader.read(csv, "big.csv", SheetChoice.first())) {
			assertThat(table.header()).containsExactly("Id", "Name", "Amount");
			// the first rows are there before most of the file has been produced
			assertThat(csv.produced).isLessThan(csv.total / 2);
			assertThat(table.rows().filter(SourceRow::fitsHeader).count()).isEqualTo(100_000);
			assertThat(csv.produced).isEqualTo(csv.total);
		}
	}

	@Test
	void readsExcelValuesAsPlainTextFromTheFirstAndANamedSheet() throws IOException {
		byte[] workbook = workbook();
		try (SourceTable table = read(workbook, "deals.xlsx")) {
			assertThat(table.format()).isEqualTo(FileFormat.XLSX);
			assertThat(table.sheetName()).isEqualTo("Deals");
			assertThat(table.header()).containsExactly("Closes", "Amount", "Units", "Won", "Note", "Logged");
			List<SourceRow> rows = table.rows().toList();
			assertThat(rows).singleElement().extracting(SourceRow::number).isEqualTo(2L);
			assertThat(rows).singleElement()
				.extracting(SourceRow::cells)
				.isEqualTo(List.of("2026-06-17", "1234567.5", "12345678901234567", "true", "=SUM(A1:A2)",
						"2026-06-17T09:30:15"));
		}
		try (SourceTable table = this.reader.read(workbook, "deals.xlsx", SheetChoice.named("owners"))) {
			assertThat(table.sheetName()).isEqualTo("Owners");
			assertThat(table.header()).containsExactly("Owner", "Quota");
			assertThat(table.rows().toList()).extracting(SourceRow::cells)
				.containsExactly(List.of("Ana", "0.0001"), List.of("Ben", "250000"));
		}
		try (SourceTable table = this.reader.read(workbook, "deals.xlsx", SheetChoice.at(1))) {
			assertThat(table.sheetName()).isEqualTo("Owners");
		}
		assertThatThrownBy(() -> this.reader.read(workbook, "deals.xlsx", SheetChoice.named("Quotas")))
			.isInstanceOf(ImportFileException.class)
			.hasMessage("The workbook has no sheet 'Quotas'; its sheets are 'Deals', 'Owners'.");
	}

	@Test
	void refusesABrokenWorkbook() throws IOException {
		byte[] workbook = workbook();
		byte[] truncated = java.util.Arrays.copyOf(workbook, workbook.length / 2);
		assertThatThrownBy(() -> read(truncated, "deals.xlsx")).isInstanceOf(ImportFileException.class)
			.hasMessageContaining("damaged or incomplete");
		byte[] notAWorkbook = zip("word/document.xml", "<w/>".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> read(notAWorkbook, "deals.xlsx")).isInstanceOf(ImportFileException.class)
			.hasMessageContaining("damaged or incomplete");
	}

	@Test
	void refusesAWorkbookThatUnpacksPastTheLimit() throws IOException {
		ImportFileReader capped = new ImportFileReader(new ImportFileLimits(null, DataSize.ofMegabytes(2)));
		byte[] bomb = withHugeSheet(workbook(), 20 * 1024 * 1024);
		assertThat(bomb.length).isLessThan(200 * 1024);
		assertThatThrownBy(() -> capped.read(bomb, "deals.xlsx", SheetChoice.first()))
			.isInstanceOf(ImportFileException.class)
			.hasMessageContaining("unpacks to more than 2 MB");
	}

	private SourceTable read(byte[] file, String name) {
		return this.reader.read(file, name, SheetChoice.first());
	}

	private static byte[] workbook() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Bellwether tests", "1.0");
		Worksheet deals = workbook.newWorksheet("Deals");
		List<String> header = List.of("Closes", "Amount", "Units", "Won", "Note", "Logged");
		for (int c = 0; c < header.size(); c++) {
			deals.value(0, c, header.get(c));
		}
		deals.value(1, 0, LocalDate.of(2026, 6, 17));
		deals.style(1, 0).format("dd/mm/yyyy").set();
		deals.value(1, 1, new BigDecimal("1234567.50"));
		deals.style(1, 1).format("#,##0.00").set();
		deals.value(1, 2, 12345678901234567L);
		deals.value(1, 3, true);
		deals.value(1, 4, "=SUM(A1:A2)");
		deals.value(1, 5, LocalDateTime.of(2026, 6, 17, 9, 30, 15));
		deals.style(1, 5).format("yyyy-mm-dd hh:mm:ss").set();
		Worksheet owners = workbook.newWorksheet("Owners");
		owners.value(0, 0, "Owner");
		owners.value(0, 1, "Quota");
		owners.value(1, 0, "Ana");
		owners.value(1, 1, 0.0001);
		owners.value(2, 0, "Ben");
		owners.value(2, 1, 250000);
		workbook.finish();
		return out.toByteArray();
	}

	/** The workbook with its first sheet padded (as XML whitespace) to the given size. */
	private static byte[] withHugeSheet(byte[] workbook, int size) throws IOException {
		Path original = Files.createTempFile("bomb-", ".xlsx");
		try {
			Files.write(original, workbook);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ZipFile in = new ZipFile(original.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
				for (ZipEntry entry : java.util.Collections.list(in.entries())) {
					zip.putNextEntry(new ZipEntry(entry.getName()));
					if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
						byte[] spaces = new byte[64 * 1024];
						java.util.Arrays.fill(spaces, (byte) ' ');
						for (int written = 0; written < size; written += spaces.length) {
							zip.write(spaces);
						}
					}
					try (InputStream content = in.getInputStream(entry)) {
						content.transferTo(zip);
					}
					zip.closeEntry();
				}
			}
			return out.toByteArray();
		}
		finally {
			Files.delete(original);
		}
	}

	private static byte[] zip(String name, byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	/** A CSV file produced as it is read, one line at a time, never held whole. */
	private static final class GeneratedCsv extends InputStream {

		private final int rows;

		private final long total;

		private long produced;

		private int row = -1;

		private byte[] line = new byte[0];

		private int position;

		GeneratedCsv(int rows) {
			this.rows = rows;
			long size = line(-1).length;
			for (int i = 0; i < rows; i++) {
				size += line(i).length;
			}
			this.total = size;
		}

		private static byte[] line(int i) {
			String text = (i < 0) ? "Id,Name,Amount\n" : i + ",\"Account " + i + ", Ltd\"," + (i * 7 % 1000) + ".50\n";
			return text.getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public int read() {
			if (this.position == this.line.length) {
				if (this.row == this.rows) {
					return -1;
				}
				this.line = line(this.row++);
				this.position = 0;
			}
			this.produced++;
			return this.line[this.position++] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			int n = 0;
			while (n < length) {
				int b = read();
				if (b < 0) {
					return (n == 0) ? -1 : n;
				}
				buffer[offset + n++] = (byte) b;
			}
			return n;
		}

	}

}
