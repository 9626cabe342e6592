package dev.bellwether.adoption;

import java.util.List;
import java.util.UUID;

/**
 * The users whose active days in the last 28 rose most, and fell most, against the 28
 * days before. Users whose use did not change are in neither list.
 */
public record Movers(List<Mover> risers, List<Mover> fallers) {

	/**
	 * @param change {@code activeDays28 - previousActiveDays28}
	 */
	public record Mover(UUID userId, String fullName, UUID managerId, int activeDays28, int previousActiveDays28,
			int change) {

	}

}
