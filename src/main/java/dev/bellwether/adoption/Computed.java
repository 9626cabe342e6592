package dev.bellwether.adoption;

import java.time.Instant;

/**
 * Adoption figures and when they were computed: figures are kept for up to
 * {@code bellwether.adoption.figures.max-age} and shared by every request, so an answer
 * says how old it is. A figure derived from other kept figures (the headline from the
 * per-person figures) carries when its inputs were computed: what it shows is as of then.
 *
 * @param figures the figures
 * @param computedAt when the usage and sales data behind them were read
 */
public record Computed<T>(T figures, Instant computedAt) {

}
