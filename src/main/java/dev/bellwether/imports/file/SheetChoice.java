package dev.bellwether.imports.file;

/**
 * Which sheet of an XLSX workbook to read: the first, one by name (case-insensitive), or
 * one by its 0-based position. A CSV file has one table and ignores the choice.
 */
public record SheetChoice(String name, Integer index) {

	public static SheetChoice first() {
		return new SheetChoice(null, null);
	}

	public static SheetChoice named(String name) {
		return new SheetChoice(name, null);
	}

	public static SheetChoice at(int index) {
		return new SheetChoice(null, index);
	}

	@Override
	public String toString() {
		return (this.name != null) ? "'" + this.name + "'"
				: (this.index != null) ? "#" + (this.index + 1) : "the first";
	}

}
