package dev.bellwether.platform.export;

import java.util.Locale;

import dev.bellwether.platform.InvalidInputException;

/**
 * The file formats a list exports to.
 */
public enum ExportFormat {

	CSV("csv", "text/csv;charset=UTF-8"),
	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final String extension;

	private final String contentType;

	ExportFormat(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	public String extension() {
		return this.extension;
	}

	public String contentType() {
		return this.contentType;
	}

	/**
	 * @param name {@code csv} or {@code xlsx}, in any case; blank for CSV
	 * @throws InvalidInputException naming {@code format} for anything else
	 */
	public static ExportFormat of(String name) {
		if (name == null || name.isBlank()) {
			return CSV;
		}
		return switch (name.strip().toLowerCase(Locale.ROOT)) {
			case "csv" -> CSV;
			case "xlsx" -> XLSX;
			default -> throw new InvalidInputException("format", "Export as csv or xlsx.");
		};
	}

}
