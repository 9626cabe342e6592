package dev.bellwether.programme;

import java.math.BigDecimal;

/**
 * A wave's gates, each set or {@code null} (docs/programme.md, "Rollout waves"): a wave
 * needs at least one.
 *
 * @param activationDays with {@code activationPercent}: at least that share of the wave's
 * members used the CRM within this many days of the wave opening
 * @param activationPercent 0 to 100 (above 0)
 * @param adoptionPercent the members' adoption rate (MAU ÷ licensed) is at least this
 * @param firstValueDays the members' median time to first value is at most this
 */
public record WaveGates(Integer activationDays, BigDecimal activationPercent, BigDecimal adoptionPercent,
		Integer firstValueDays) {

	public boolean any() {
		return this.activationDays != null || this.activationPercent != null || this.adoptionPercent != null
				|| this.firstValueDays != null;
	}

	public int count() {
		return (this.activationDays != null || this.activationPercent != null ? 1 : 0)
				+ (this.adoptionPercent != null ? 1 : 0) + (this.firstValueDays != null ? 1 : 0);
	}

}
