package dev.bellwether.forecasting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.Person;

/**
 * Today's manager hierarchy, as the identity module reports it: each person under their
 * manager, deactivated people included (their deals and quotas stay where they were).
 */
public final class OrgTree {

	private final Map<UUID, Person> people = new HashMap<>();

	private final Map<UUID, List<Person>> reports = new HashMap<>();

	public OrgTree(List<Person> everyone) {
		for (Person person : everyone) {
			this.people.put(person.id(), person);
		}
		for (Person person : everyone) {
			if (person.managerId() != null && this.people.containsKey(person.managerId())
					&& !person.managerId().equals(person.id())) {
				this.reports.computeIfAbsent(person.managerId(), id -> new ArrayList<>()).add(person);
			}
		}
		this.reports.values()
			.forEach(list -> list.sort(Comparator.comparing(Person::fullName).thenComparing(Person::id)));
	}

	public Person person(UUID id) {
		return this.people.get(id);
	}

	public boolean contains(UUID id) {
		return this.people.containsKey(id);
	}

	/**
	 * @return the person's direct reports, by name
	 */
	public List<Person> reportsOf(UUID id) {
		return this.reports.getOrDefault(id, List.of());
	}

	/**
	 * @return the person and everyone below them, depth first (each manager before their
	 * reports), each once even should the chart hold a cycle
	 */
	public List<Person> organisationOf(UUID id) {
		List<Person> organisation = new ArrayList<>();
		collect(id, organisation, new HashSet<>());
		return organisation;
	}

	/**
	 * @return how far below {@code top} the person is: 0 for {@code top} itself
	 */
	public int depthBelow(UUID top, UUID id) {
		int depth = 0;
		Set<UUID> seen = new HashSet<>();
		UUID current = id;
		while (current != null && !current.equals(top) && seen.add(current)) {
			Person person = this.people.get(current);
			current = person == null ? null : person.managerId();
			depth++;
		}
		return depth;
	}

	private void collect(UUID id, List<Person> into, Set<UUID> seen) {
		Person person = this.people.get(id);
		if (person == null || !seen.add(id)) {
			return;
		}
		into.add(person);
		for (Person report : reportsOf(id)) {
			collect(report.id(), into, seen);
		}
	}

}
