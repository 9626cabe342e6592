package dev.bellwether.dataquality;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.Person;

/**
 * The manager hierarchy as the data-quality figures walk it, from one read of
 * {@link dev.bellwether.identity.UserDirectory#people()}: teams for thousands of people
 * without a query per team.
 */
final class OrgTree {

	private final Map<UUID, Person> people = new HashMap<>();

	private final Map<UUID, List<UUID>> reports = new HashMap<>();

	OrgTree(List<Person> people) {
		for (Person person : people) {
			this.people.put(person.id(), person);
			if (person.managerId() != null) {
				this.reports.computeIfAbsent(person.managerId(), id -> new ArrayList<>()).add(person.id());
			}
		}
	}

	Person person(UUID id) {
		return this.people.get(id);
	}

	/**
	 * @return the person and everyone below them
	 */
	Set<UUID> subtree(UUID root) {
		Set<UUID> seen = new LinkedHashSet<>();
		Deque<UUID> next = new ArrayDeque<>(List.of(root));
		while (!next.isEmpty()) {
			UUID id = next.pop();
			if (seen.add(id)) {
				next.addAll(this.reports.getOrDefault(id, List.of()));
			}
		}
		return seen;
	}

	/**
	 * The active managers (with at least one active report) among the people, in org
	 * order (each followed by the teams within theirs), below {@code root} or from the
	 * top.
	 * @param people {@code null} for everyone
	 */
	List<Node> managers(UUID root, Collection<UUID> people) {
		List<Node> found = new ArrayList<>();
		List<UUID> tops = new ArrayList<>();
		if (root != null) {
			tops.add(root);
		}
		else {
			this.people.values()
				.stream()
				.filter(p -> p.managerId() == null || !this.people.containsKey(p.managerId()))
				.sorted(java.util.Comparator.comparing(Person::fullName))
				.forEach(p -> tops.add(p.id()));
		}
		Set<UUID> visited = new java.util.HashSet<>();
		for (UUID top : tops) {
			walk(top, 0, people, found, visited);
		}
		return found;
	}

	private void walk(UUID id, int depth, Collection<UUID> people, List<Node> found, Set<UUID> visited) {
		if (!visited.add(id)) {
			return;
		}
		Person person = this.people.get(id);
		boolean manages = person != null && person.active()
				&& this.reports.getOrDefault(id, List.of())
					.stream()
					.anyMatch(report -> this.people.containsKey(report) && this.people.get(report).active());
		boolean shown = manages && (people == null || people.contains(id));
		if (shown) {
			found.add(new Node(id, depth));
		}
		List<UUID> below = new ArrayList<>(this.reports.getOrDefault(id, List.of()));
		below.sort(java.util.Comparator.comparing(report -> this.people.get(report).fullName()));
		for (UUID report : below) {
			walk(report, shown ? depth + 1 : depth, people, found, visited);
		}
	}

	record Node(UUID id, int depth) {
	}

}
