package dev.bellwether.platform.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads an XLSX back for tests, with the JDK alone (no reader library is on the class
 * path): each sheet's cells as text ({@code String}), numbers ({@link BigDecimal}, dates
 * included, as Excel keeps them) or booleans.
 */
public final class XlsxSheets {

	private final Map<String, byte[]> entries;

	private final List<String> strings = new ArrayList<>();

	private XlsxSheets(Map<String, byte[]> entries) {
		this.entries = entries;
		if (entries.containsKey("xl/sharedStrings.xml")) {
			NodeList items = parse("xl/sharedStrings.xml").getElementsByTagName("si");
			for (int i = 0; i < items.getLength(); i++) {
				this.strings.add(items.item(i).getTextContent());
			}
		}
	}

	public static XlsxSheets read(byte[] file) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		// through the central directory, as spreadsheet programs read it (fastexcel
		// streams its entries, so their local headers carry no sizes)
		Path copy = Files.createTempFile("export", ".xlsx");
		try {
			Files.write(copy, file);
			try (ZipFile zip = new ZipFile(copy.toFile())) {
				for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
					try (InputStream in = zip.getInputStream(entry)) {
						entries.put(entry.getName(), in.readAllBytes());
					}
				}
			}
		}
		finally {
			Files.deleteIfExists(copy);
		}
		return new XlsxSheets(entries);
	}

	/**
	 * @param number from 1, in the workbook's order
	 * @return the sheet's rows, each its cells from column A (empty cells {@code null})
	 */
	public List<List<Object>> sheet(int number) {
		List<List<Object>> rows = new ArrayList<>();
		NodeList rowNodes = parse("xl/worksheets/sheet" + number + ".xml").getElementsByTagName("row");
		for (int r = 0; r < rowNodes.getLength(); r++) {
			List<Object> row = new ArrayList<>();
			NodeList cells = ((Element) rowNodes.item(r)).getElementsByTagName("c");
			for (int c = 0; c < cells.getLength(); c++) {
				Element cell = (Element) cells.item(c);
				int column = column(cell.getAttribute("r"));
				while (row.size() < column) {
					row.add(null);
				}
				row.add(value(cell));
			}
			rows.add(row);
		}
		return rows;
	}

	private Object value(Element cell) {
		String type = cell.getAttribute("t");
		NodeList v = cell.getElementsByTagName("v");
		String text = (v.getLength() > 0) ? v.item(0).getTextContent() : null;
		return switch (type) {
			case "s" -> this.strings.get(Integer.parseInt(text));
			case "inlineStr" -> cell.getTextContent();
			case "str" -> text;
			case "b" -> "1".equals(text);
			default -> (text == null) ? null : new BigDecimal(text);
		};
	}

	private static int column(String reference) {
		int column = 0;
		for (char ch : reference.toCharArray()) {
			if (!Character.isLetter(ch)) {
				break;
			}
			column = column * 26 + (ch - 'A' + 1);
		}
		return column - 1;
	}

	private Document parse(String name) {
		try {
			return DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(this.entries.get(name)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read " + name, ex);
		}
	}

}
