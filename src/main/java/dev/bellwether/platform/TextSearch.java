package dev.bellwether.platform;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way Bellwether matches and ranks records for a search box, so that accounts,
 * contacts and opportunities rank alike and are merged fairly.
 * <p>
 * A record matches when every word of the query is a word of its full-text document, the
 * start of one (from the third letter: "logi" finds "Logistics"), or a word the query's
 * word is a typo of ("acne" finds "Acme", "merdian" finds "Meridian"). Typos are
 * corrected against the vocabulary of searched names ({@code search_terms}, kept by
 * triggers, see {@code V15__search_vocabulary.sql}): the closest few words by trigram
 * similarity. The big tables are then read only through their full-text GIN indexes —
 * never by trigram similarity against a million names, which read thousands of candidates
 * per word.
 * <p>
 * At most {@value #CANDIDATES} matching records of a type are ranked: a query matching
 * more (a common first name) shows the best of those, and the user refines it.
 * <p>
 * Use: {@link #prepare(JdbcClient, String)}, then bind {@link #parameters()} to a query
 * using {@link #matches(String)}, {@link #best(String, String, String, String)} and
 * {@link #rank(String, String...)}.
 */
public final class TextSearch {

	/** The most words of a query searched; further words are ignored. */
	public static final int MAX_WORDS = 6;

	/** The most matching records of one type ranked for one search. */
	public static final int CANDIDATES = 300;

	/**
	 * How close a vocabulary word must be to a query's word to count as what the user
	 * meant (trigram similarity, 1 is identical): one wrong letter in a four-letter word
	 * ("acne" for "acme") scores 0.25; "nortern" for "northern" 0.55.
	 */
	public static final double TYPO_SIMILARITY = 0.25;

	/**
	 * Words this long need to be closer to count as a typo: their one or two wrong
	 * letters leave most trigrams intact ("nortern" and "northern" 0.55, "renwal" and
	 * "renewal" 0.5), while two different long words sharing a few letters score 0.25.
	 */
	public static final int LONG_WORD = 6;

	/** How close a word of {@link #LONG_WORD} letters or more must be. */
	public static final double LONG_WORD_SIMILARITY = 0.4;

	/** The most corrections tried for one word of the query. */
	public static final int CORRECTIONS_PER_WORD = 3;

	/** Words shorter than this are matched whole: "ab" would start too many words. */
	private static final int PREFIX_FROM = 3;

	/** Words shorter than this are not corrected: too many words are one letter away. */
	private static final int CORRECT_FROM = 4;

	private final String text;

	private final String query;

	private TextSearch(String text, String query) {
		this.text = text;
		this.query = query;
	}

	/**
	 * Splits the text into words as the documents are split, and looks up corrections of
	 * each word in the vocabulary. Call inside a transaction (it sets the trigram
	 * threshold for the transaction).
	 */
	public static TextSearch prepare(JdbcClient jdbc, String text) {
		String normalized = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (normalized.isEmpty()) {
			return new TextSearch(normalized, null);
		}
		// for the trigram index's % operator below, in this transaction only
		jdbc.sql("select set_config('pg_trgm.similarity_threshold', :threshold, true)")
			.param("threshold", String.valueOf(TYPO_SIMILARITY))
			.query(String.class)
			.single();
		List<String> terms = new ArrayList<>();
		jdbc.sql("""
				select w.word, array(
				    select t.term from search_terms t
				    where length(w.word) >= :correctFrom and w.word !~ '^[0-9]+$'
				      and t.term % w.word and t.term <> w.word
				      and (length(w.word) < :longWord or similarity(t.term, w.word) >= :longWordSimilarity)
				    order by similarity(t.term, w.word) desc, t.term
				    limit :corrections
				) as corrections
				from unnest(tsvector_to_array(to_tsvector('simple', :text))) as w (word)
				order by w.word
				limit :maxWords
				""")
			.param("text", normalized)
			.param("correctFrom", CORRECT_FROM)
			.param("longWord", LONG_WORD)
			.param("longWordSimilarity", LONG_WORD_SIMILARITY)
			.param("corrections", CORRECTIONS_PER_WORD)
			.param("maxWords", MAX_WORDS)
			.query((rs, row) -> {
				String word = rs.getString("word");
				List<String> alternatives = new ArrayList<>();
				alternatives.add(lexeme(word) + (word.length() >= PREFIX_FROM ? ":*" : ""));
				for (String correction : strings(rs.getArray("corrections"))) {
					alternatives.add(lexeme(correction));
				}
				return "(" + String.join(" | ", alternatives) + ")";
			})
			.list()
			.forEach(terms::add);
		return new TextSearch(normalized, terms.isEmpty() ? null : String.join(" & ", terms));
	}

	/** The query as typed, trimmed and in lower case. */
	public String text() {
		return this.text;
	}

	/**
	 * @return true when the text has no word to search for (only punctuation, say):
	 * nothing matches
	 */
	public boolean isEmpty() {
		return this.query == null;
	}

	/** The full-text query, for tests and plans: {@code ('acne':* | 'acme')}. */
	public String query() {
		return this.query;
	}

	public Map<String, Object> parameters() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("searchText", this.text);
		parameters.put("searchPrefix", SqlValues.contains(this.text).substring(1));
		// a query matching nothing when there is nothing to search for
		parameters.put("searchQuery", isEmpty() ? "''" : this.query);
		return parameters;
	}

	/**
	 * @param document a {@code to_tsvector('simple', …)} expression with a GIN index
	 * @return a predicate true when the record matches
	 */
	public String matches(String document) {
		return document + " @@ cast(:searchQuery as tsquery)";
	}

	/**
	 * The best matches, ranked where the candidates are read: only they are then read
	 * again, with whatever the enclosing query joins.
	 * @param alias the table's alias in {@code where}, {@code order} and the enclosing
	 * query
	 * @param table the table searched
	 * @param where the conditions, {@link #matches(String)} among them
	 * @param order the ranking, {@link #rank(String, String...)} first
	 * @return a predicate on the enclosing query (which orders by {@code order} too): one
	 * of the {@code :limit} best of the first {@value #CANDIDATES} records satisfying
	 * {@code where}
	 */
	public String best(String alias, String table, String where, String order) {
		return alias + ".id in (select " + alias + ".id from (select * from " + table + " " + alias + " where " + where
				+ " limit " + CANDIDATES + ") " + alias + " order by " + order + " limit :limit)";
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

	/** A lexeme quoted for {@code tsquery} input, which takes it as it is. */
	static String lexeme(String word) {
		return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
