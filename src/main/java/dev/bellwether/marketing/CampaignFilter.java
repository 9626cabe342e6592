package dev.bellwether.marketing;

/**
 * What a campaign list is narrowed to.
 *
 * @param query part of the name
 * @param status one status, or all
 * @param type a campaign-type key or label, or all
 * @param year campaigns running at some time in this calendar year (by their start and
 * end dates), or all
 */
public record CampaignFilter(String query, CampaignStatus status, String type, Integer year) {

	public static CampaignFilter all() {
		return new CampaignFilter(null, null, null, null);
	}

}
