/**
 * Exports to files people open in spreadsheet programs. Every CSV export goes through
 * {@link dev.bellwether.platform.export.CsvExport}, which neutralises formulas.
 */
package dev.bellwether.platform.export;
