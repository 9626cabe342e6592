package dev.bellwether.adoption;

import java.time.LocalDate;

import dev.bellwether.adoption.internal.alerts.DeathSpiralAlerts;
import dev.bellwether.adoption.internal.alerts.WeeklyDigests;

import org.springframework.stereotype.Service;

/**
 * The weekly adoption alerts and digests for a given week, as their Monday jobs run them:
 * for a caller that must catch up on weeks the jobs never saw — the demo company, whose
 * thirty weeks of history are written in one go, so that its notification bell tells the
 * story on first start. Each alert and digest is still raised once per subject and week.
 */
@Service
public class AdoptionAlerts {

	private final DeathSpiralAlerts deathSpiral;

	private final WeeklyDigests digests;

	AdoptionAlerts(DeathSpiralAlerts deathSpiral, WeeklyDigests digests) {
		this.deathSpiral = deathSpiral;
		this.digests = digests;
	}

	/**
	 * Raises the death-spiral warnings and sends the managers' digests for the week
	 * ending on the day (a Sunday).
	 */
	public WeekEvaluated evaluateWeek(LocalDate weekEnd) {
		DeathSpiralAlerts.Result warnings = this.deathSpiral.evaluate(weekEnd);
		return new WeekEvaluated(weekEnd,
				warnings.managersBelowTheirTeam() + warnings.freshnessFalling() + warnings.bandsFallen(),
				this.digests.sendAll(weekEnd));
	}

	/**
	 * What one week's evaluation raised: warnings and digests sent.
	 */
	public record WeekEvaluated(LocalDate weekEnd, int warnings, int digests) {
	}

}
