package dev.bellwether.dataquality;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * A record's completeness: the share of the fields its rule counts that are filled. A
 * rule that counts no field scores nothing (the record is left out of every mean, not
 * counted as complete).
 */
public final class Completeness {

	private Completeness() {
	}

	/**
	 * @param counted the fields the rule counts
	 * @param filled whether the record has a field filled
	 * @return filled counted fields ÷ counted fields, from 0 to 1, or {@code null} when
	 * the rule counts none
	 */
	public static Double score(Collection<String> counted, Predicate<String> filled) {
		if (counted.isEmpty()) {
			return null;
		}
		long have = counted.stream().filter(filled).count();
		return (double) have / counted.size();
	}

	/**
	 * @return the counted fields the record lacks, in the rule's order
	 */
	public static List<String> missing(Collection<String> counted, Predicate<String> filled) {
		return counted.stream().filter(filled.negate()).toList();
	}

}
