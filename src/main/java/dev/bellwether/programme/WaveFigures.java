package dev.bellwether.programme;

import java.time.LocalDate;
import java.util.List;

import dev.bellwether.adoption.PrivacyPolicy;

/**
 * A wave's gates and funnel as of a day (docs/programme.md, "Rollout waves"): today for
 * an open wave, the day it closed for a closed one; a planned wave has only its members.
 * Under the aggregate-only privacy policy a wave of fewer members than the minimum group
 * shows its gate decisions (met or not) but neither the gates' figures nor the funnel
 * (docs/privacy.md).
 *
 * @param asOf {@code null} for a planned wave
 * @param funnel {@code null} when the privacy policy hides it
 * @param members how many people are in the wave (a headcount, always shown)
 * @param hidden what is said in place of the figures the privacy policy hides,
 * {@code null} when nothing is hidden
 */
public record WaveFigures(LocalDate asOf, List<Gate> gates, Funnel funnel, long members, String hidden) {

	public WaveFigures(LocalDate asOf, List<Gate> gates, Funnel funnel) {
		this(asOf, gates, funnel, funnel.invited(), null);
	}

	/**
	 * @return the same gate decisions without their figures, and no funnel
	 * @param hidden what is said in their place
	 */
	public WaveFigures withoutFigures(String hidden) {
		return new WaveFigures(this.asOf, this.gates.stream()
			.map(g -> new Gate(g.kind(), g.label(), g.target(), null, PrivacyPolicy.HIDDEN, g.met(), g.definition()))
			.toList(), null, this.members, hidden);
	}

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
