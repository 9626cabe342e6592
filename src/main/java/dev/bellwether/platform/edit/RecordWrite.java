package dev.bellwether.platform.edit;

import java.util.UUID;

import dev.bellwether.platform.edit.BulkOperation.Outcome;

/**
 * What became of one record of {@link EditableRecords#writeAll}.
 *
 * @param outcome {@code APPLIED}, {@code UNCHANGED} (it had the value already),
 * {@code REFUSED}, or {@code SKIPPED} (not at the version required)
 * @param reason why it was refused
 * @param beforeValue the value before, as text {@link EditableRecords#writeAll} takes
 * back to undo the change (it may carry more than the field's value: a deal's loss reason
 * with its stage)
 * @param beforeDisplay the value before, as people read it
 * @param afterVersion the record's version after the change
 */
public record RecordWrite(UUID recordId, Outcome outcome, String reason, String beforeValue, String beforeDisplay,
		Long afterVersion) {

	public static RecordWrite refused(UUID recordId, String reason) {
		return new RecordWrite(recordId, Outcome.REFUSED, reason, null, null, null);
	}

}
