package dev.bellwether.adoption;

import java.time.LocalDate;
import java.util.List;

/**
 * Adoption from the top down: each org level's figures (executives first, then managers
 * from the top, then reps; levels with no one are left out), each manager beside their
 * team, and whether the executives look at their teams' figures.
 *
 * @param managers every manager of the scope, those whose team out-uses them first
 * @param executivesLookingAtTeamFigures executives with a dashboard, report or forecast
 * view in the 7 days ending on the day
 * @param executiveTeamFiguresShare that ÷ executives ({@code null} with none)
 */
public record Cascade(LocalDate asOf, List<LevelFigures> levels, List<ManagerAdoption> managers, long executives,
		long executivesLookingAtTeamFigures, Double executiveTeamFiguresShare) {

}
