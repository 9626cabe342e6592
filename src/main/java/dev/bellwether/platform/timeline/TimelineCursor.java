package dev.bellwether.platform.timeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A position in a timeline: entries strictly older than ({@code at}, {@code id}) come
 * after it. Keyset paging, so a deep page costs the same as the first.
 */
public record TimelineCursor(Instant at, UUID id) {
}
