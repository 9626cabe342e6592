package dev.bellwether.platform.export;

import java.util.Map;

import dev.bellwether.platform.customfield.CustomValues;

/**
 * One record of an exported list: the values of the list's own columns by column name, as
 * values rather than text (a {@link java.math.BigDecimal} or other number, a
 * {@link java.time.LocalDate}, an {@link java.time.Instant}, a {@link Boolean} or text;
 * {@code null} for an empty cell), and the record's custom values, which the export
 * formats by their fields' types.
 *
 * @param cells the built-in columns' values (related fields as names: the account's, the
 * owner's, the stage's)
 * @param customFields the record's custom values
 */
public record ExportRow(Map<String, Object> cells, CustomValues customFields) {

	public ExportRow {
		cells = (cells == null) ? Map.of() : cells;
		customFields = (customFields == null) ? CustomValues.NONE : customFields;
	}

}
