package dev.bellwether.service;

import java.util.Map;
import java.util.UUID;

/**
 * An SLA policy: first-response and resolution targets per case priority, counted in the
 * business hours of a calendar, for the accounts of one tier (or, with no tier, of every
 * tier without an active policy of its own).
 *
 * @param calendarId a business calendar of the platform
 * @param accountTier the tier it applies to; {@code null}: any
 * @param warnPercentLeft a running target is due soon with this share of its time left
 * @param targets one per priority
 */
public record SlaPolicy(UUID id, String name, UUID calendarId, AccountTier accountTier, boolean active,
		int warnPercentLeft, Map<CasePriority, SlaTargets> targets, long version) {

	public SlaPolicy {
		targets = Map.copyOf(targets);
	}

	public SlaTargets targetsFor(CasePriority priority) {
		return this.targets.get(priority);
	}

	public SlaWarning warning() {
		return SlaWarning.percentLeft(this.warnPercentLeft);
	}

	public boolean appliesToAnyTier() {
		return this.accountTier == null;
	}

}
