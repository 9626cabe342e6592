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
 * more (a common first name) shows the best of those, and the user refines it. When that
 * many match by the words of their names (a word of the query, a word it starts or its
 * correction, each looked up whole), those are ranked, and records found only by the
 * start of a word of their domain or e-mail address are not looked for: reading every
 * record of every word a prefix starts is what a search of a common word spends its time
 * on.
 * <p>
 * Use: {@link #prepare(JdbcClient, String)}, then bind {@link #parameters()} to a query
 * using {@link #best(String, String, String, String, String)} (or
 * {@link #matchesNames(String)} and {@link #best(String, String, String, String)}) and
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

	/**
	 * How close a word of {@link #LONG_WORD} letters or more must be, and a word the
	 * vocabulary knows of any length: "apex" is looked up as itself, not also as "app"
	 * (0.29), which would read every deal with "app" in its name.
	 */
	public static final double LONG_WORD_SIMILARITY = 0.4;

	/** The most corrections tried for one word of the query. */
	public static final int CORRECTIONS_PER_WORD = 3;

	/**
	 * The most vocabulary words a query's word may be the start of for
	 * {@link #matchesNames(String)} to look them up one by one; a word starting more is
	 * looked up as a prefix.
	 */
	public static final int COMPLETIONS_PER_WORD = 16;

	/** Words shorter than this are matched whole: "ab" would start too many words. */
	private static final int PREFIX_FROM = 3;

	/** Words shorter than this are not corrected: too many words are one letter away. */
	private static final int CORRECT_FROM = 4;

	private final String text;

	private final String query;

	private final String namesQuery;

	private TextSearch(String text, String query, String namesQuery) {
		this.text = text;
		this.query = query;
		this.namesQuery = namesQuery;
	}

	/**
	 * Splits the text into words as the documents are split, and looks up corrections of
	 * each word in the vocabulary. Call inside a transaction (it sets the trigram
	 * threshold for the transaction).
	 */
	public static TextSearch prepare(JdbcClient jdbc, String text) {
		String normalized = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (normalized.isEmpty()) {
			return new TextSearch(normalized, null, null);
		}
		// for the trigram index's % operator below, in this transaction only
		jdbc.sql("select set_config('pg_trgm.similarity_threshold', :threshold, true)")
			.param("threshold", String.valueOf(TYPO_SIMILARITY))
			.query(String.class)
			.single();
		List<String> terms = new ArrayList<>();
		List<String> nameTerms = new ArrayList<>();
		jdbc.sql("""
				select w.word, array(
				    select t.term from search_terms t
				    where length(w.word) >= :correctFrom and w.word !~ '^[0-9]+$'
				      and t.term % w.word and t.term <> w.word
				      and (length(w.word) < :longWord
				             and not exists (select 1 from search_terms k where k.term = w.word)
				           or similarity(t.term, w.word) >= :longWordSimilarity)
				    order by similarity(t.term, w.word) desc, t.term
				    limit :corrections
				) as corrections, array(
				    select t.term from search_terms t
				    where length(w.word) >= :prefixFrom
				      and t.term like replace(replace(replace(w.word, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
				    order by t.term
				    limit :completions + 1
				) as completions
				from unnest(tsvector_to_array(to_tsvector('simple', :text))) as w (word)
				order by w.word
				limit :maxWords
				""")
			.param("text", normalized)
			.param("correctFrom", CORRECT_FROM)
			.param("longWord", LONG_WORD)
			.param("longWordSimilarity", LONG_WORD_SIMILARITY)
			.param("corrections", CORRECTIONS_PER_WORD)
			.param("prefixFrom", PREFIX_FROM)
			.param("completions", COMPLETIONS_PER_WORD)
			.param("maxWords", MAX_WORDS)
			.query((rs, row) -> {
				String word = rs.getString("word");
				List<String> corrections = strings(rs.getArray("corrections"));
				List<String> completions = strings(rs.getArray("completions"));
				terms.add(alternatives(prefix(word), corrections));
				nameTerms.add(alternatives(completable(word, completions) ? whole(word, completions) : prefix(word),
						corrections));
				return word;
			})
			.list();
		return terms.isEmpty() ? new TextSearch(normalized, null, null)
				: new TextSearch(normalized, String.join(" & ", terms), String.join(" & ", nameTerms));
	}

	/** The word and every word it starts, when it is long enough; else the word alone. */
	private static List<String> prefix(String word) {
		return List.of(lexeme(word) + (word.length() >= PREFIX_FROM ? ":*" : ""));
	}

	/**
	 * The word and the vocabulary's words it starts, each looked up whole: the full-text
	 * index finds a word's records without reading all of a common word's records when
	 * another word of the query is rarer, which it cannot do for a prefix.
	 */
	private static List<String> whole(String word, List<String> completions) {
		List<String> words = new ArrayList<>();
		words.add(lexeme(word));
		completions.stream().filter(completion -> !completion.equals(word)).map(TextSearch::lexeme).forEach(words::add);
		return words;
	}

	/**
	 * @return true when the vocabulary holds every word of a name the word can be the
	 * start of: it learns the words of letters and digits (not numbers) of 3 to 40
	 * letters, and the word started no more than {@value #COMPLETIONS_PER_WORD} of them
	 */
	private static boolean completable(String word, List<String> completions) {
		return word.length() >= PREFIX_FROM && word.codePoints().allMatch(Character::isLetterOrDigit)
				&& !word.codePoints().allMatch(Character::isDigit) && completions.size() <= COMPLETIONS_PER_WORD;
	}

	private static String alternatives(List<String> words, List<String> corrections) {
		List<String> alternatives = new ArrayList<>(words);
		corrections.stream().map(TextSearch::lexeme).forEach(alternatives::add);
		return "(" + String.join(" | ", alternatives) + ")";
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

	/**
	 * {@link #query()} for documents of names only, {@link #matchesNames(String)}: the
	 * words that start few words of the vocabulary as those words, {@code ('acme' |
	 * 'acmes')}.
	 */
	public String namesQuery() {
		return this.namesQuery;
	}

	public Map<String, Object> parameters() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("searchText", this.text);
		parameters.put("searchPrefix", SqlValues.contains(this.text).substring(1));
		// a query matching nothing when there is nothing to search for
		parameters.put("searchQuery", isEmpty() ? "''" : this.query);
		parameters.put("searchNamesQuery", isEmpty() ? "''" : this.namesQuery);
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
	 * {@link #matches(String)} for a document whose every word the vocabulary learns: the
	 * words of names, split as the vocabulary splits them (not domains or e-mail
	 * addresses). The same records match, found faster when a query of several words has
	 * a common one.
	 * @param document a {@code to_tsvector('simple', …)} expression with a GIN index, of
	 * the text and of the text with {@code .-_@/:+} as spaces
	 * @return a predicate true when the record matches
	 */
	public String matchesNames(String document) {
		return document + " @@ cast(:searchNamesQuery as tsquery)";
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
	 * {@link #best(String, String, String, String)} for a document with words the
	 * vocabulary does not learn (a domain, an e-mail address): the first
	 * {@value #CANDIDATES} records matching by the words of names
	 * ({@link #matchesNames(String)}) when there are that many, else the first of those
	 * matching the query ({@link #matches(String)}; a superset, so read only when
	 * needed).
	 * @param where the conditions, without the text's
	 * @param document a {@code to_tsvector('simple', …)} expression with a GIN index
	 */
	public String best(String alias, String table, String where, String document, String order) {
		if (isEmpty() || this.namesQuery.equals(this.query)) {
			// no word is looked up whole: matching by names is matching
			return best(alias, table, where + " and " + matches(document), order);
		}
		String named = alias + "_named";
		String enough = "(select count(*) from " + named + ")";
		return alias + ".id in (with " + named + " as materialized (select * from " + table + " " + alias + " where "
				+ where + " and " + matchesNames(document) + " limit " + CANDIDATES + ") select " + alias
				+ ".id from (select * from " + named + " where " + enough + " >= " + CANDIDATES
				+ " union all (select * from " + table + " " + alias + " where " + where + " and " + matches(document)
				+ " and " + enough + " < " + CANDIDATES + " limit " + CANDIDATES + ")) " + alias + " order by " + order
				+ " limit :limit)";
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
