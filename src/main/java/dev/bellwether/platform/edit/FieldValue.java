package dev.bellwether.platform.edit;

import java.time.Instant;

/**
 * One field of one record as it is now.
 *
 * @param value the value as sent back to change it (an id, an ISO date, a plain number);
 * {@code null} when empty
 * @param display the value as people read it (a name, a formatted date)
 * @param version the record's version
 * @param changedBy who saved the record last (a name)
 * @param changedAt when
 */
public record FieldValue(String value, String display, long version, String changedBy, Instant changedAt) {
}
