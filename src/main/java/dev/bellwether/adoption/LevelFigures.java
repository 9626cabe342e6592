package dev.bellwether.adoption;

import java.util.List;
import java.util.UUID;

/**
 * The headline figures of one level of the cascade.
 *
 * @param depth for managers, how many managers are above them (0 for a manager nobody
 * manages); 0 for the other levels
 * @param label e.g. "Executives", "Managers, level 2", "Reps"
 * @param userIds the users of the level (drill-down)
 */
public record LevelFigures(OrgLevel level, int depth, String label, Headline figures, List<UUID> userIds) {

}
