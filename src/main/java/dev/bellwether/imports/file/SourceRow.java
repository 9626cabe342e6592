package dev.bellwether.imports.file;

import java.util.List;

/**
 * One data row of an uploaded file.
 *
 * @param number the row's number as the person sees it in the file: the header is row 1
 * (for CSV, the record's number, which is also its line number unless a quoted field
 * spans lines; for XLSX, the sheet's row number)
 * @param cells the cells' text, as many as the row has (trailing empty cells dropped)
 * @param problem why the row does not fit the header (fewer or more cells), or
 * {@code null} when it does
 */
public record SourceRow(long number, List<String> cells, String problem) {

	public SourceRow {
		cells = List.copyOf(cells);
	}

	/** The cell in the given column (0-based), or an empty string past the row's end. */
	public String cell(int column) {
		return (column < this.cells.size()) ? this.cells.get(column) : "";
	}

	public boolean fitsHeader() {
		return this.problem == null;
	}

}
