package dev.bellwether.service;

import java.time.Duration;

/**
 * When a running target counts as due soon: with a share of its time left (e.g. 25 %), or
 * with a fixed amount of business time left (e.g. 30 minutes), whichever the policy
 * chose.
 *
 * @param percentLeft the share left, 1 to 99, or {@code null}
 * @param timeLeft the business time left, or {@code null}
 */
public record SlaWarning(Integer percentLeft, Duration timeLeft) {

	/** A quarter of the target left. */
	public static final SlaWarning DEFAULT = percentLeft(25);

	public SlaWarning {
		if ((percentLeft == null) == (timeLeft == null)) {
			throw new IllegalArgumentException("A warning is either a share or an amount of time left");
		}
		if (percentLeft != null && (percentLeft < 1 || percentLeft > 99)) {
			throw new IllegalArgumentException("A warning share is 1 to 99 percent, not " + percentLeft);
		}
		if (timeLeft != null && timeLeft.isNegative()) {
			throw new IllegalArgumentException("A warning time is not negative: " + timeLeft);
		}
	}

	public static SlaWarning percentLeft(int percent) {
		return new SlaWarning(percent, null);
	}

	public static SlaWarning timeLeft(Duration time) {
		return new SlaWarning(null, time);
	}

	/**
	 * @return the business time left at which a target of this length is due soon (never
	 * more than the target)
	 */
	public Duration thresholdFor(Duration target) {
		if (this.percentLeft != null) {
			return Duration.ofSeconds(target.getSeconds() * this.percentLeft / 100);
		}
		return (this.timeLeft.compareTo(target) > 0) ? target : this.timeLeft;
	}

}
