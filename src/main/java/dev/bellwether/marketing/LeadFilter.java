package dev.bellwether.marketing;

import java.util.UUID;

import dev.bellwether.platform.listview.ListQuery;

/**
 * Criteria for a lead list; every criterion is optional.
 *
 * @param query part of the name, company or e-mail address
 * @param status one status; {@code open} stands for new and working leads together
 * @param source a lead source (label or key)
 * @param country an ISO country code (or a country's name)
 */
public record LeadFilter(String query, String status, String source, String country, UUID ownerId) {

	/** The status filter for new and working leads together. */
	public static final String OPEN = "open";

	public static LeadFilter all() {
		return new LeadFilter(null, null, null, null, null);
	}

	/**
	 * The filter a list view's query stands for ({@code /leads}, its exports).
	 */
	public static LeadFilter of(ListQuery query) {
		return new LeadFilter(query.text("q"), query.text("status"), query.text("source"), query.text("country"),
				query.id("owner"));
	}

}
