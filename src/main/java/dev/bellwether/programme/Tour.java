package dev.bellwether.programme;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.Role;

/**
 * A guided tour of one page, defined by a programme lead: shown on the page at
 * {@link #path()} (a path ending in {@code *} matches every path it starts with) to
 * people of its roles who have neither completed nor dismissed it.
 *
 * @param featureKey the usage feature ({@code module:KIND}) the tour is meant to
 * increase, whose use before and after the tour is compared; {@code null} when none was
 * chosen
 */
public record Tour(UUID id, String name, String path, Set<Role> roles, String featureKey, boolean active,
		List<Step> steps, Instant updatedAt, long version) {

	/**
	 * @return whether the tour runs on the page at that path
	 */
	public boolean matches(String requestPath) {
		if (this.path.endsWith("*")) {
			return requestPath.startsWith(this.path.substring(0, this.path.length() - 1));
		}
		return this.path.equals(requestPath);
	}

	/**
	 * One step: the element it points at (a CSS selector), a title and a text.
	 *
	 * @param position 1-based
	 */
	public record Step(int position, String selector, String title, String text) {
	}

	/**
	 * What a lead enters for a tour (validated by {@link GuidedTours}).
	 *
	 * @param roles role names, e.g. {@code REP}
	 * @param active {@code null}: active
	 */
	public record Details(String name, String path, List<String> roles, String featureKey, Boolean active,
			List<StepDetails> steps) {
	}

	/**
	 * One step as a lead enters it.
	 */
	public record StepDetails(String selector, String title, String text) {
	}

}
