package dev.bellwether.adoption.internal.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.bellwether.identity.Role;

/**
 * The key features each person's breadth is measured against: a role's own list where it
 * has one (marketing and service users by default, so that they are judged by their own
 * work, not by the pipeline), else the company-wide list.
 *
 * @param company the company-wide list, for every role without its own
 * @param byRole the roles with a list of their own
 */
public record KeyFeatureSets(List<String> company, Map<Role, List<String>> byRole) {

	public KeyFeatureSets {
		company = List.copyOf(company);
		Map<Role, List<String>> copy = new EnumMap<>(Role.class);
		byRole.forEach((role, keys) -> copy.put(role, List.copyOf(keys)));
		byRole = java.util.Collections.unmodifiableMap(copy);
	}

	/**
	 * @return the key features a person of the role is measured against
	 */
	public List<String> of(Role role) {
		return this.byRole.getOrDefault(role, this.company);
	}

	/**
	 * @return whether the role has a list of its own
	 */
	public boolean ownList(Role role) {
		return this.byRole.containsKey(role);
	}

	/**
	 * @return every key feature of any list, once, sorted
	 */
	public List<String> union() {
		TreeSet<String> all = new TreeSet<>(this.company);
		this.byRole.values().forEach(all::addAll);
		return new ArrayList<>(all);
	}

}
