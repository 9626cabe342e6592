package dev.bellwether.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A rollout wave (docs/programme.md, "Rollout waves").
 *
 * @param openedAt when a lead opened it, {@code null} while planned
 * @param closedAt when a lead closed it as passed or failed, {@code null} until then
 */
public record Wave(UUID id, String name, int position, List<Integer> levels, List<String> teams, List<UUID> people,
		LocalDate plannedStart, WaveStatus status, WaveGates gates, Instant openedAt, UUID openedBy, Instant closedAt,
		UUID closedBy, long version) {

	public WaveDetails details() {
		return new WaveDetails(this.name, this.position, this.levels, this.teams, this.people, this.plannedStart,
				this.gates);
	}

}
