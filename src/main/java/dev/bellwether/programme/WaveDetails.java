package dev.bellwether.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a lead sets on a rollout wave. Its members are the people at any of the org
 * {@code levels} (0 = the top) and in any of the {@code teams} (when both are given, at
 * one of the levels and in one of the teams), plus the {@code people} named one by one.
 *
 * @param position the wave's order, from 1: waves open in this order
 */
public record WaveDetails(String name, Integer position, List<Integer> levels, List<String> teams, List<UUID> people,
		LocalDate plannedStart, WaveGates gates) {

	public WaveDetails {
		levels = levels == null ? List.of() : List.copyOf(levels);
		teams = teams == null ? List.of()
				: teams.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
		people = people == null ? List.of() : people.stream().distinct().toList();
		gates = gates == null ? new WaveGates(null, null, null, null) : gates;
	}

}
