package dev.bellwether.adoption;

import java.util.UUID;

/**
 * A manager's own adoption beside their team's.
 *
 * @param depth how many managers are above them
 * @param ownActiveDays28 the manager's active days in the last 28
 * @param teamSize licensed users below the manager, at any depth
 * @param teamAverageActiveDays28 their average active days in the last 28 ({@code null}
 * for no team)
 * @param teamOutUsesManager whether that average is above the manager's own
 */
public record ManagerAdoption(UUID managerId, String fullName, int depth, int ownActiveDays28, int teamSize,
		Double teamAverageActiveDays28, boolean teamOutUsesManager) {

}
