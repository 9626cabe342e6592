package dev.bellwether.marketing;

import java.math.BigDecimal;

/**
 * A campaign's budget against its actual cost: its own cost lines, and those of its whole
 * hierarchy below it (summed with a recursive query, at any depth).
 *
 * @param budget the campaign's own budget, or {@code null} when none is set
 * @param ownCost the sum of the campaign's own cost lines
 * @param costWithSubCampaigns the sum of the cost lines of the campaign and of every
 * campaign under it
 * @param subCampaigns how many campaigns are under it, at any depth
 */
public record CampaignCostRollup(BigDecimal budget, BigDecimal ownCost, BigDecimal costWithSubCampaigns,
		int subCampaigns) {

	/**
	 * @return the budget left after the cost with sub-campaigns (negative when over), or
	 * {@code null} without a budget
	 */
	public BigDecimal remaining() {
		return this.budget == null ? null : this.budget.subtract(this.costWithSubCampaigns);
	}

	public boolean overBudget() {
		return this.budget != null && this.costWithSubCampaigns.compareTo(this.budget) > 0;
	}

}
