package dev.bellwether.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * A wave's gates and funnel as of a day (docs/programme.md, "Rollout waves"): today for
 * an open wave, the day it closed for a closed one; a planned wave has only its members.
 *
 * @param asOf {@code null} for a planned wave
 */
public record WaveFigures(LocalDate asOf, List<Gate> gates, Funnel funnel) {

	/**
	 * @return whether every gate is met
	 */
	public boolean gatesMet() {
		return this.gates.stream().allMatch(Gate::met);
	}

	public long gatesMetCount() {
		return this.gates.stream().filter(Gate::met).count();
	}

	/**
	 * One gate and where the wave stands against it.
	 *
	 * @param kind ACTIVATION, ADOPTION_RATE or TIME_TO_FIRST_VALUE
	 * @param target e.g. "≥ 80% within 7 days"
	 * @param value the wave's figure ({@code null} when there is none: no members, or
	 * fewer than half reached first value)
	 * @param valueText the figure as shown
	 */
	public record Gate(String kind, String label, String target, Double value, String valueText, boolean met,
			String definition) {

	}

	/**
	 * Members at each step, every step counting those who reached it and every step
	 * before it.
	 */
	public record Funnel(long invited, long signedIn, long firstRecord, long activeWeek2, long healthy) {

		public List<Long> steps() {
			return List.of(this.invited, this.signedIn, this.firstRecord, this.activeWeek2, this.healthy);
		}

	}

}
