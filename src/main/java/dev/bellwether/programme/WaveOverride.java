package dev.bellwether.programme;

import java.time.Instant;
import java.util.UUID;

/**
 * A wave opened before the waves ahead of it passed their gates.
 *
 * @param unmet what had not passed when it opened
 * @param byName the lead who opened it
 */
public record WaveOverride(UUID waveId, String reason, String unmet, Instant at, UUID by, String byName) {

}
