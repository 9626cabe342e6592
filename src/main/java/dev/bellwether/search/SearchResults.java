package dev.bellwether.search;

import java.util.List;

/**
 * What a search found, best hits first.
 *
 * @param query the text searched for, trimmed
 * @param hits every hit, across record types
 */
public record SearchResults(String query, List<SearchHit> hits) {

	public SearchResults {
		hits = List.copyOf(hits);
	}

	public static SearchResults empty(String query) {
		return new SearchResults(query, List.of());
	}

	/**
	 * @return the hits of one record type, in rank order, for showing results grouped
	 */
	public List<SearchHit> ofType(String type) {
		return this.hits.stream().filter(hit -> hit.type().equals(type)).toList();
	}

	public boolean isEmpty() {
		return this.hits.isEmpty();
	}

}
