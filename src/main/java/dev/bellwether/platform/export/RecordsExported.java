package dev.bellwether.platform.export;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when someone exported a list, so that usage capture counts it as an
 * {@link dev.bellwether.platform.usage.UsageKind#EXPORT} of the record type, for the
 * module that owns it.
 *
 * @param recordType e.g. {@code opportunity}
 * @param actorId who
 * @param at when
 * @param rows how many records the file holds
 * @param format the file's format
 * @param capped whether more records matched than the file holds (the row cap)
 */
public record RecordsExported(String recordType, UUID actorId, Instant at, long rows, ExportFormat format,
		boolean capped) {
}
