package dev.bellwether.service;

import java.time.Duration;

/**
 * The business time a case has for its first response and for its resolution.
 */
public record SlaTargets(Duration firstResponse, Duration resolution) {

	public SlaTargets {
		if (firstResponse == null || resolution == null || firstResponse.isNegative() || firstResponse.isZero()
				|| resolution.isNegative() || resolution.isZero()) {
			throw new IllegalArgumentException(
					"SLA targets are positive durations, not " + firstResponse + " and " + resolution);
		}
	}

	public static SlaTargets ofMinutes(long firstResponse, long resolution) {
		return new SlaTargets(Duration.ofMinutes(firstResponse), Duration.ofMinutes(resolution));
	}

	public Duration of(SlaMetric metric) {
		return (metric == SlaMetric.FIRST_RESPONSE) ? this.firstResponse : this.resolution;
	}

}
