/**
 * Usage capture: every signed-in action becomes a {@link UsageEvent}, queued in memory by
 * {@link UsageRecorder} and written in batches with PostgreSQL {@code COPY}; from the raw
 * events {@link DailyUsageRollup} builds one row per user and day, and
 * {@link RawUsageRetention} deletes raw events past their retention. See "How usage is
 * captured" in {@code docs/adoption-metrics.md}.
 */
package dev.bellwether.adoption.internal.capture;
