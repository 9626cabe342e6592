package dev.bellwether.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.marketing.Campaign;
import dev.bellwether.marketing.CampaignAttribution.CampaignRoi;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.MarketingFunnel.Funnel;

/**
 * The marketing home page: the leads waiting for sales, the campaigns running, the ROI of
 * the year and its funnel.
 *
 * @param waiting New leads never accepted, the oldest first (the first
 * {@link HomePages#LIST_SIZE})
 * @param waitingCount all of them
 * @param owners the owners' names of the leads waiting
 * @param running active campaigns, by start date
 * @param runningCount all of them
 * @param cost cost lines of the year, all campaigns
 * @param wonRevenue revenue won in the year credited to campaigns (by the default model)
 * @param roi (won revenue − cost) ÷ cost; {@code null} when nothing was spent
 * @param topCampaigns the campaigns credited with the most won revenue
 * @param roiChart cost against won revenue of the top campaigns (a {@link ChartData})
 * @param funnelChart the year's leads at each lifecycle stage (a {@link ChartData})
 */
public record MarketingHome(List<Lead> waiting, long waitingCount, Map<UUID, String> owners, List<Campaign> running,
		long runningCount, LocalDate from, LocalDate to, String model, String currency, BigDecimal cost,
		BigDecimal wonRevenue, BigDecimal roi, List<CampaignRoi> topCampaigns, String roiChart, Funnel funnel,
		String funnelChart) {

}
