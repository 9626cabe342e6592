package dev.bellwether.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when work is recorded against a business record without changing the record
 * itself (a call logged on an opportunity, a task completed for a contact), so that the
 * module owning the record can keep its freshness (last touched, and by whom) up to date
 * without depending on the module where the work was recorded.
 *
 * @param recordType the kind of record touched, e.g. {@code opportunity}
 * @param recordId the record's id
 * @param actorId who did the work
 * @param at when
 */
public record RecordTouched(String recordType, UUID recordId, UUID actorId, Instant at) {
}
