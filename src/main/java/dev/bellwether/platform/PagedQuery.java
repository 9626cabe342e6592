package dev.bellwether.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a list query and the total it is a page of: the same {@code from ... where}
 * for both, the rows ordered and cut to the page. The total is counted exactly up to
 * {@link #COUNT_CAP} rows past the page and reported as that beyond ("more than"; see
 * {@link #isCapped}), so a list over hundreds of thousands of rows never counts them all.
 * A caller that needs the true number asks for it with {@link #exactTotal}.
 *
 * @param select the select list and joins, up to (not including) {@code where}
 * @param countFrom {@code from} clause for counting (no joins needed for the total)
 * @param idColumn when set, a page's rows are found by this column alone first ({@code
 * select <idColumn> <countFrom> where … order by … limit …}: from the index alone where
 * it covers the filter and order, so a deep page skips thousands of rows without reading
 * them), then only those rows are read in full by {@code select}: for a select whose
 * columns cost something to read or compute (deals); {@code null} to read the page's rows
 * in full at once
 */
public record PagedQuery(String select, String countFrom, String idColumn) {

	public PagedQuery(String select, String countFrom) {
		this(select, countFrom, null);
	}

	/**
	 * The same query, finding a page's rows by their ids first (see {@link #idColumn}).
	 */
	public PagedQuery readingIdsFirst(String idColumn) {
		return new PagedQuery(this.select, this.countFrom, idColumn);
	}

	/**
	 * How many rows past the page are counted exactly: 2,000, where Salesforce's list
	 * views stop counting too ("2000+ items"). Nobody pages through more; a bigger cap
	 * only costs time: an executive's unfiltered deal list spent 7 of its 8 ms of SQL
	 * counting 10,000 rows (docs/benchmarks.md).
	 */
	public static final int COUNT_CAP = 2_000;

	/**
	 * How many rows past the page are counted on a page reached by {@code cursor}: 500.
	 * Someone that deep pages on with "Next" (the pager offers no page numbers there), so
	 * the total only needs to say that more follow; counting 2,000 matching rows past a
	 * deep cursor was most of a deep custom-field page's time (docs/benchmarks.md). The
	 * total is still exact when it is under the cap, and says "more than" when not.
	 */
	public static final int CURSOR_COUNT_CAP = 500;

	private static final Pattern FROM = Pattern.compile("\\sfrom\\s");

	/**
	 * @return whether the page's total stopped at the cap: more rows match than it says
	 */
	public static boolean isCapped(Page<?> page) {
		return page.getPageable().isPaged() && !isExact(page.getPageable()) && page
			.getTotalElements() >= page.getPageable().getOffset() + page.getSize() + countCap(page.getPageable());
	}

	/**
	 * @return how many rows past the page a capped total counts:
	 * {@link #CURSOR_COUNT_CAP} on a page after a cursor, {@link #COUNT_CAP} on a page by
	 * number
	 */
	public static int countCap(Pageable pageable) {
		return (pageable instanceof ListRequest request && request.after() != null) ? CURSOR_COUNT_CAP : COUNT_CAP;
	}

	/**
	 * @param exact whether the caller asked for the true total, however many rows match
	 * (it costs a count of all of them)
	 * @return the same page, whose total {@link #fetch} counts without the cap when
	 * {@code exact}
	 */
	public static Pageable exactTotal(Pageable pageable, boolean exact) {
		if (!exact || pageable.isUnpaged() || isExact(pageable)) {
			return pageable;
		}
		if (pageable instanceof ListRequest request) {
			return request.withExactTotal();
		}
		return ListRequest.of(pageable, true, null, null);
	}

	private static boolean isExact(Pageable pageable) {
		return pageable instanceof ListRequest request && request.exactTotal();
	}

	/**
	 * @return how many matching rows to count for the page: {@link #COUNT_CAP} past it,
	 * or all of them when the caller asked for the exact total
	 */
	public static long countLimit(Pageable pageable) {
		return isExact(pageable) ? Long.MAX_VALUE : pageable.getOffset() + pageable.getPageSize() + countCap(pageable);
	}

	public <T> Page<T> fetch(JdbcClient jdbc, String where, Map<String, Object> params, String orderBy,
			Pageable pageable, RowMapper<T> mapper) {
		long total = jdbc
			.sql("select count(*) from (select 1 " + this.countFrom + " where " + where + " limit :countLimit) counted")
			.params(params)
			.param("countLimit", countLimit(pageable))
			.query(Long.class)
			.single();
		List<T> content = jdbc
			.sql(this.idColumn == null
					? this.select + " where " + where + " order by " + orderBy + " limit :pageLimit offset :pageOffset"
					: this.select + " where " + this.idColumn + " in (select " + this.idColumn + " " + this.countFrom
							+ " where " + where + " order by " + orderBy
							+ " limit :pageLimit offset :pageOffset) order by " + orderBy)
			.params(params)
			.param("pageLimit", pageable.getPageSize())
			.param("pageOffset", pageable.getOffset())
			.query(mapper)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	/**
	 * One page of the list in the order of {@code keys} (the record's id last): by page
	 * number, or after the row a {@link ListRequest}'s cursor names (a keyset: however
	 * deep, an index range from that row). Either way the page knows where the next one
	 * starts ({@link ListRequest#nextKeyset()}), and the total is counted as for
	 * {@link #fetch(JdbcClient, String, Map, String, Pageable, RowMapper)}: after a
	 * cursor, the rows before the page as the cursor says plus those from the page on.
	 */
	public <T> Page<T> fetch(JdbcClient jdbc, String where, Map<String, Object> params, List<SortKey> keys,
			Pageable pageable, RowMapper<T> mapper) {
		if (pageable.isUnpaged()) {
			return fetch(jdbc, where, params, SortKey.orderBy(keys), pageable, mapper);
		}
		ListRequest request = ListRequest.from(pageable);
		Map<String, Object> pageParams = new LinkedHashMap<>(params);
		// a nullable first key (a custom field): the rows with a value, then those
		// without,
		// each an index range (Keyset.sections)
		List<Keyset.Section> sections = Keyset.sections(keys, request.after(), pageParams);
		String pageWhere = where;
		if (request.after() != null && sections.isEmpty()) {
			pageWhere = where + " and " + request.after().condition(keys, pageParams);
		}
		long total;
		if (request.exactTotal()) {
			total = count(jdbc, where, params, Long.MAX_VALUE);
		}
		else if (request.after() != null) {
			// the cursor's condition may name a joined table's column (contacts by
			// account name): counted over the select's own joins; the sections of a
			// nullable first key each as the index range it is
			long limit = (long) request.getPageSize() + CURSOR_COUNT_CAP;
			total = request.getOffset() + (sections.isEmpty() ? count(jdbc, joinedFrom(), pageWhere, pageParams, limit)
					: count(jdbc, joinedFrom(), where, sections, pageParams, limit));
		}
		else {
			total = count(jdbc, where, params, countLimit(request));
		}
		KeyCapture<T> rows = new KeyCapture<>(keys.size(), mapper);
		String order = SortKey.orderBy(keys);
		String query;
		if (this.idColumn == null) {
			query = sections.isEmpty()
					? keyColumns(this.select, keys) + " where " + pageWhere + " order by " + order
							+ " limit :pageLimit offset :pageOffset"
					: Keyset.union(keyColumns(this.select, keys), where, sections);
		}
		else {
			String ids = "select " + this.idColumn + " " + this.countFrom;
			query = keyColumns(this.select, keys) + " where " + this.idColumn + " in ("
					+ (sections.isEmpty() ? ids + " where " + pageWhere + " order by " + order
							+ " limit :pageLimit offset :pageOffset" : Keyset.union(ids, where, sections))
					+ ") order by " + order;
		}
		List<T> content = jdbc.sql(query)
			.params(pageParams)
			.param("pageLimit", request.getPageSize() + 1)
			.param("pageOffset", (request.after() != null) ? 0 : request.getOffset())
			.query(rows)
			.list();
		return page(content, rows, request, total);
	}

	/**
	 * The rows of a page read with one more than the page's size, cut to the page, with
	 * where the next page starts when there is one.
	 */
	public static <T> Page<T> page(List<T> content, KeyCapture<T> rows, ListRequest request, long total) {
		Keyset next = null;
		List<T> pageContent = content;
		if (content.size() > request.getPageSize()) {
			pageContent = content.subList(0, request.getPageSize());
			next = new Keyset(rows.keysOf(request.getPageSize() - 1), request.getOffset() + request.getPageSize());
		}
		return new PageImpl<>(new ArrayList<>(pageContent), request.fetched(next), total);
	}

	private long count(JdbcClient jdbc, String where, Map<String, Object> params, long limit) {
		return count(jdbc, this.countFrom, where, params, limit);
	}

	/**
	 * @return the select's {@code from} clause, joins included
	 */
	private String joinedFrom() {
		Matcher from = FROM.matcher(this.select);
		return from.find() ? this.select.substring(from.start()).strip() : this.countFrom;
	}

	/** The rows of the sections, up to {@code limit}: each section an index range. */
	private static long count(JdbcClient jdbc, String from, String where, List<Keyset.Section> sections,
			Map<String, Object> params, long limit) {
		List<String> branches = sections.stream()
			.map(section -> "(select 1 " + from + " where " + where + " and " + section.condition()
					+ " limit :countLimit)")
			.toList();
		return jdbc
			.sql("select count(*) from (select 1 from (" + String.join(" union all ", branches)
					+ ") sections limit :countLimit) c")
			.params(params)
			.param("countLimit", limit)
			.query(Long.class)
			.single();
	}

	private static long count(JdbcClient jdbc, String from, String where, Map<String, Object> params, long limit) {
		return jdbc.sql("select count(*) from (select 1 " + from + " where " + where + " limit :countLimit) counted")
			.params(params)
			.param("countLimit", limit)
			.query(Long.class)
			.single();
	}

	/**
	 * @return the select with the sort key values added as {@code keyset_0},
	 * {@code keyset_1}... (read by {@link KeyCapture})
	 */
	public static String keyColumns(String select, List<SortKey> keys) {
		String trimmed = select.strip();
		if (!trimmed.regionMatches(true, 0, "select ", 0, 7)) {
			throw new IllegalArgumentException("Not a select: " + select);
		}
		StringBuilder columns = new StringBuilder("select ");
		for (int i = 0; i < keys.size(); i++) {
			columns.append(keys.get(i).sql()).append(" as keyset_").append(i).append(", ");
		}
		return columns + trimmed.substring(7);
	}

	/**
	 * A row mapper that also keeps each row's sort key values.
	 */
	public static final class KeyCapture<T> implements RowMapper<T> {

		private final int keys;

		private final RowMapper<T> mapper;

		private final List<List<Object>> keysByRow = new ArrayList<>();

		public KeyCapture(int keys, RowMapper<T> mapper) {
			this.keys = keys;
			this.mapper = mapper;
		}

		@Override
		public T mapRow(ResultSet rs, int rowNum) throws SQLException {
			List<Object> values = new ArrayList<>(this.keys);
			for (int i = 0; i < this.keys; i++) {
				values.add(ListCursors.keyValue(rs.getObject("keyset_" + i)));
			}
			this.keysByRow.add(values);
			return this.mapper.mapRow(rs, rowNum);
		}

		List<Object> keysOf(int row) {
			return this.keysByRow.get(row);
		}

	}

}
