package dev.bellwether.platform.edit;

import java.time.Instant;
import java.util.UUID;

import dev.bellwether.platform.usage.UsageKind;

/**
 * Published when someone edited a field inline or ran a bulk action, so that usage
 * capture counts it ({@link UsageKind#INLINE_EDIT}, {@link UsageKind#BULK_ACTION}) for
 * the module that owns the record type. The changes themselves are published by the
 * owning module as {@link dev.bellwether.platform.RecordChanged}, as for any change.
 *
 * @param recordType the record type, e.g. {@code opportunity}
 * @param recordId the record edited inline, or the bulk operation's id
 * @param kind {@code INLINE_EDIT} or {@code BULK_ACTION}
 * @param actorId who
 * @param at when
 * @param records how many records were changed
 */
public record RecordsEdited(String recordType, UUID recordId, UsageKind kind, UUID actorId, Instant at, int records) {
}
