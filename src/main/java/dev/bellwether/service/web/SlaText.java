package dev.bellwether.service.web;

import java.time.Duration;

/**
 * Business time as the SLA pages show it: "45 min", "3 h 20 min", "26 h"; negative as
 * "overdue" text is the caller's to add.
 */
public final class SlaText {

	private SlaText() {
	}

	public static String duration(Duration duration) {
		long minutes = Math.abs(duration.toMinutes());
		long hours = minutes / 60;
		long rest = minutes % 60;
		if (hours == 0) {
			return rest + " min";
		}
		return (rest == 0) ? hours + " h" : hours + " h " + rest + " min";
	}

}
