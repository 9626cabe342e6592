package dev.bellwether.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way Bellwether matches and ranks records for a search box, so that accounts,
 * contacts and opportunities rank alike and are merged fairly. A record matches when one
 * of its columns contains the text, when the text is close to a word sequence of a column
 * (trigram word similarity, so typos like "acne corp" still find "Acme Corporation"), or
 * when all of the text's words appear in the record's full-text document in any order.
 * Backed by trigram and full-text GIN indexes on each searched column.
 * <p>
 * Use inside a transaction, after {@link #prepare(JdbcClient)}, with
 * {@link #parameters()} bound.
 */
public final class TextSearch {

	/**
	 * How close a word must be to part of a column to count as a typo of it: 1 is
	 * identical; PostgreSQL's default (0.6) misses most one-letter typos, and a
	 * four-letter word with one wrong letter ("acne" for "acme", "jonh" for "john")
	 * scores 0.4.
	 */
	public static final String WORD_SIMILARITY_THRESHOLD = "0.4";

	/**
	 * The most words of a query matched one by one; further words only count in full
	 * text.
	 */
	public static final int MAX_WORDS = 6;

	private final String text;

	private final List<String> words;

	public TextSearch(String text) {
		this.text = text.trim().toLowerCase(Locale.ROOT);
		this.words = Arrays.stream(this.text.split("\\s+")).filter(word -> !word.isEmpty()).limit(MAX_WORDS).toList();
	}

	public String text() {
		return this.text;
	}

	/**
	 * Sets the trigram threshold for the current transaction only.
	 */
	public void prepare(JdbcClient jdbc) {
		jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
			.param("threshold", WORD_SIMILARITY_THRESHOLD)
			.query(String.class)
			.single();
	}

	public Map<String, Object> parameters() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("searchText", this.text);
		parameters.put("searchPrefix", SqlValues.contains(this.text).substring(1));
		for (int i = 0; i < this.words.size(); i++) {
			parameters.put("searchWord" + i, this.words.get(i));
			parameters.put("searchWordContains" + i, SqlValues.contains(this.words.get(i)));
		}
		return parameters;
	}

	/**
	 * @param document a {@code to_tsvector('simple', …)} expression with a GIN index
	 * @param columns lower-cased column expressions, each with a trigram GIN index
	 * @return a predicate true when the record matches
	 */
	public String matches(String document, String... columns) {
		List<String> everyWord = new ArrayList<>();
		for (int i = 0; i < this.words.size(); i++) {
			int word = i;
			everyWord.add(Arrays.stream(columns)
				.map(column -> column + " like :searchWordContains" + word + " or :searchWord" + word + " <% " + column)
				.collect(Collectors.joining(" or ", "(", ")")));
		}
		return "(" + document + " @@ plainto_tsquery('simple', :searchText) or (" + String.join(" and ", everyWord)
				+ "))";
	}

	/**
	 * @param name the lower-cased column users know the record by
	 * @param others further lower-cased columns, counted by their similarity only
	 * @return a score, higher for better hits: an exact name first, then names starting
	 * with the text, then by closeness
	 */
	public String rank(String name, String... others) {
		String closeness = "word_similarity(:searchText, " + name + ")";
		for (String other : others) {
			closeness = "greatest(" + closeness + ", word_similarity(:searchText, coalesce(" + other + ", '')))";
		}
		return "(case when " + name + " = :searchText then 3 when " + name + " like :searchPrefix then 2 else 0 end + "
				+ closeness + ")";
	}

}
