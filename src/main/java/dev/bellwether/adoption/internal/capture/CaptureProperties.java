package dev.bellwether.adoption.internal.capture;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of usage capture ({@code bellwether.adoption.capture.*}).
 *
 * @param enabled whether anything is captured at all (the benchmark compares throughput
 * with capture on and off; {@link UsageRecorder#setEnabled} switches it at run time)
 * @param queueCapacity how many events may wait in memory; when the queue is full, new
 * events are dropped and counted
 * @param flushInterval how often the queue is written to the database; also the most that
 * a hard kill of the process can lose
 * @param batchSize how many waiting events wake the writer before the interval is up
 */
@ConfigurationProperties("bellwether.adoption.capture")
public record CaptureProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100000") int queueCapacity,
		@DefaultValue("1s") Duration flushInterval, @DefaultValue("1000") int batchSize) {

	public CaptureProperties {
		if (queueCapacity < 1) {
			throw new IllegalArgumentException("bellwether.adoption.capture.queue-capacity must be at least 1");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("bellwether.adoption.capture.batch-size must be at least 1");
		}
		if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
			throw new IllegalArgumentException("bellwether.adoption.capture.flush-interval must be positive");
		}
	}

}
