/**
 * Exports to files people open in spreadsheet programs. Every CSV export goes through
 * {@link dev.bellwether.platform.export.CsvExport}, which neutralises formulas. Lists
 * export through {@link dev.bellwether.platform.export.ListExports}: each module offers
 * its lists as {@link dev.bellwether.platform.export.ExportableList} beans (its own
 * query, visibility and filters), the platform reads them in keyset order and writes CSV
 * or XLSX (docs/exports.md).
 */
package dev.bellwether.platform.export;
