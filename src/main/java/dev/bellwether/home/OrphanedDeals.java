package dev.bellwether.home;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.PipelineAnalytics.DealTotals;

/**
 * Open deals whose owner was deactivated: nobody keeps them fresh (adoption's freshness
 * leaves them out), so they wait for a new owner. They still count in the open pipeline.
 *
 * @param totals all of them in scope
 * @param deals the largest first, a page of them
 * @param owners the deactivated owners' names
 */
public record OrphanedDeals(DealTotals totals, List<Opportunity> deals, Map<UUID, String> owners,
		Map<UUID, String> accountNames) {

	public boolean isEmpty() {
		return this.totals.count() == 0;
	}

}
