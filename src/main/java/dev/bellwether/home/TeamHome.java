package dev.bellwether.home;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.User;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.PipelineAnalytics.OwnerFreshness;

/**
 * A manager's team view: the team's figures, who hasn't touched their deals, the stale
 * and overdue deals (each once, overdue first), and the deals of deactivated owners.
 *
 * @param managers the teams the viewer may open
 * @param team the manager whose organisation is shown, or {@code null} for everyone
 */
public record TeamHome(List<User> managers, UUID team, String teamName, PipelineFigures figures,
		List<Opportunity> attention, long staleCount, long overdueCount, List<OwnerFreshness> owners,
		Map<UUID, String> people, Map<UUID, String> accountNames, OrphanedDeals orphaned) {
}
