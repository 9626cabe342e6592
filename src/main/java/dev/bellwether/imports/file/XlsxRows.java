package dev.bellwether.imports.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads a sheet of an XLSX workbook through fastexcel-reader (streamed XML). The upload
 * is first copied to a temporary file (the zip's directory is at its end) and every part
 * of it unpacked once, counting the bytes, so that a zip bomb is refused before any
 * parser sees it.
 */
final class XlsxRows {

	/** Excel's built-in number formats that show a date or a time. */
	private static final Set<Integer> DATE_FORMAT_IDS = Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31,
			32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58);

	private XlsxRows() {
	}

	static SourceTable open(InputStream upload, SheetChoice choice, ImportFileLimits limits) throws IOException {
		Path copy = Files.createTempFile("bellwether-import-", ".xlsx");
		ReadableWorkbook workbook = null;
		try {
			try (upload; OutputStream out = Files.newOutputStream(copy)) {
				upload.transferTo(out);
			}
			checkUnpackedSize(copy, limits.maxUncompressedSize().toBytes());
			try {
				workbook = new ReadableWorkbook(copy.toFile(), new ReadingOptions(true, false));
			}
			catch (IOException | RuntimeException ex) {
				throw damaged();
			}
			Sheet sheet = sheet(workbook, choice);
			Stream<Row> rows = sheet.openStream();
			Iterator<Row> iterator = rows.iterator();
			ReadableWorkbook opened = workbook;
			SourceTable.RawRows raw = () -> {
				try {
					if (!iterator.hasNext()) {
						return null;
					}
					Row row = iterator.next();
					return new SourceTable.RawRow(row.getRowNum(), texts(row));
				}
				catch (UncheckedIOException | org.dhatim.fastexcel.reader.ExcelReaderException ex) {
					throw damaged();
				}
			};
			return new SourceTable(FileFormat.XLSX, null, null, sheet.getName(), raw, () -> {
				try {
					rows.close();
					opened.close();
				}
				finally {
					Files.deleteIfExists(copy);
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			if (workbook != null) {
				try {
					workbook.close();
				}
				catch (IOException closing) {
					ex.addSuppressed(closing);
				}
			}
			Files.deleteIfExists(copy);
			if (ex instanceof ImportFileException refused) {
				throw refused;
			}
			throw damaged();
		}
	}

	private static Sheet sheet(ReadableWorkbook workbook, SheetChoice choice) {
		if (choice == null || (choice.name() == null && choice.index() == null)) {
			return workbook.getFirstSheet();
		}
		List<Sheet> sheets = workbook.getSheets().toList();
		return sheets.stream()
			.filter((sheet) -> (choice.name() != null) ? sheet.getName().equalsIgnoreCase(choice.name().strip())
					: sheet.getIndex() == choice.index())
			.findFirst()
			.orElseThrow(() -> new ImportFileException("The workbook has no sheet " + choice + "; its sheets are "
					+ String.join(", ", sheets.stream().map((sheet) -> "'" + sheet.getName() + "'").toList()) + "."));
	}

	/**
	 * Unpacks every part of the zip once, counting the bytes actually inflated (not the
	 * sizes the archive claims), and refuses it past the maximum.
	 */
	static void checkUnpackedSize(Path zip, long max) {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipFile file = new ZipFile(zip.toFile())) {
			Enumeration<? extends ZipEntry> entries = file.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				try (InputStream in = file.getInputStream(entry)) {
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						total += n;
						if (total > max) {
							throw new ImportFileException("The workbook unpacks to more than "
									+ ImportFileReader.describe(max)
									+ ", the most that can be imported (an Excel file is a compressed archive, and this"
									+ " one expands far beyond its size). Save the data as CSV, or split it.");
						}
					}
				}
			}
		}
		catch (ZipException ex) {
			throw damaged();
		}
		catch (IOException ex) {
			throw damaged();
		}
	}

	private static ImportFileException damaged() {
		return new ImportFileException("The Excel workbook is damaged or incomplete and cannot be read; open it in"
				+ " Excel, save it again as .xlsx, and upload that.");
	}

	private static List<String> texts(Row row) {
		List<String> cells = new ArrayList<>(row.getCellCount());
		for (int i = 0; i < row.getCellCount(); i++) {
			cells.add(text(row.getCell(i)));
		}
		return cells;
	}

	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getType()) {
			case EMPTY -> "";
			case STRING -> cell.asString();
			case BOOLEAN -> cell.asBoolean().toString();
			case NUMBER -> number(cell);
			case FORMULA, ERROR -> (cell.getRawValue() != null) ? cell.getRawValue() : "";
		};
	}

	private static String number(Cell cell) {
		if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
			LocalDateTime value = cell.asDate().plusNanos(500_000_000).truncatedTo(ChronoUnit.SECONDS);
			return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toString();
		}
		BigDecimal value = cell.asNumber();
		return (value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString();
	}

	/**
	 * Whether a number format shows a date or time: a built-in one, or y, m, d, h or s
	 * outside quotes.
	 */
	static boolean isDateFormat(Integer id, String format) {
		if (id != null && DATE_FORMAT_IDS.contains(id)) {
			return true;
		}
		if (format == null || format.isBlank() || format.equalsIgnoreCase("General")) {
			return false;
		}
		String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").replaceAll("\\[[^]]*]", "");
		return bare.chars().anyMatch((c) -> "ymdhsYMDHS".indexOf(c) >= 0);
	}

}
