package dev.bellwether.adoption.web;

import java.util.List;

import dev.bellwether.adoption.Cascade;
import dev.bellwether.adoption.LateEntry;

/**
 * Adoption figures with everything individual taken out, for the aggregate-only privacy
 * policy: what pages and API show in place of each person's figures.
 */
final class PrivacyFilter {

	private PrivacyFilter() {
	}

	/**
	 * @return the cascade without managers beside their teams (each a person's own
	 * figures) and without levels of fewer than the minimum group
	 */
	static Cascade aggregates(Cascade cascade, int minimumGroupSize) {
		return new Cascade(cascade.asOf(),
				cascade.levels().stream().filter(level -> level.userIds().size() >= minimumGroupSize).toList(),
				List.of(), cascade.executives(), cascade.executivesLookingAtTeamFigures(),
				cascade.executiveTeamFiguresShare());
	}

	/**
	 * @return late entry overall only, without owners and managers
	 */
	static LateEntry aggregates(LateEntry lateEntry) {
		return new LateEntry(lateEntry.from(), lateEntry.to(), lateEntry.overall(), List.of(), List.of());
	}

}
