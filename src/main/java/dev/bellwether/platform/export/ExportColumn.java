package dev.bellwether.platform.export;

/**
 * A column of an exported list, in the order the list shows it.
 *
 * @param name the list's column name ({@code stage}, {@code cf.region})
 * @param label the header, as the list's column heading says it
 */
public record ExportColumn(String name, String label) {
}
