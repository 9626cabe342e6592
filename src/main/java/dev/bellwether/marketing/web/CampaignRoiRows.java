package dev.bellwether.marketing.web;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.bellwether.marketing.CampaignAttribution.CampaignRoi;

/**
 * The ROI table's sortable columns: each a comparator, figures without a value (a ratio
 * over nothing) last whichever way the column is sorted.
 */
final class CampaignRoiRows {

	static final String DEFAULT_SORT = "wonRevenue";

	private static final Map<String, Function<CampaignRoi, ? extends Comparable<?>>> COLUMNS = Map.ofEntries(
			Map.entry("name", r -> r.name().toLowerCase()), Map.entry("cost", CampaignRoi::cost),
			Map.entry("leads", CampaignRoi::leads), Map.entry("convertedLeads", CampaignRoi::convertedLeads),
			Map.entry("opportunities", CampaignRoi::opportunities), Map.entry("pipeline", CampaignRoi::pipeline),
			Map.entry("sourcedPipeline", CampaignRoi::sourcedPipeline), Map.entry("wonDeals", CampaignRoi::wonDeals),
			Map.entry("wonRevenue", CampaignRoi::wonRevenue), Map.entry("sourcedRevenue", CampaignRoi::sourcedRevenue),
			Map.entry("costPerLead", CampaignRoi::costPerLead),
			Map.entry("costPerOpportunity", CampaignRoi::costPerOpportunity), Map.entry("roi", CampaignRoi::roi));

	private CampaignRoiRows() {
	}

	/** The column sorted by: a known one, else the default. */
	static String column(String sort) {
		return sort != null && COLUMNS.containsKey(sort) ? sort : DEFAULT_SORT;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static List<CampaignRoi> sorted(List<CampaignRoi> rows, String sort, boolean ascending) {
		Function<CampaignRoi, Comparable> key = (Function) COLUMNS.get(column(sort));
		Comparator<Comparable> order = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
		return rows.stream()
			.sorted(Comparator.comparing(key, Comparator.nullsLast(order)).thenComparing(r -> r.name().toLowerCase()))
			.toList();
	}

	/** The rows with the most won revenue (then cost) for the chart. */
	static List<CampaignRoi> top(List<CampaignRoi> rows, int count) {
		return rows.stream()
			.filter(r -> r.wonRevenue().signum() > 0 || r.cost().signum() > 0)
			.sorted(Comparator.comparing(CampaignRoi::wonRevenue)
				.thenComparing(CampaignRoi::cost)
				.reversed()
				.thenComparing(r -> r.name().toLowerCase()))
			.limit(count)
			.toList();
	}

	static BigDecimal orZero(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

}
