package dev.bellwether.platform;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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
 */
public record PagedQuery(String select, String countFrom) {

	/**
	 * How many rows past the page are counted exactly: 2,000, where Salesforce's list
	 * views stop counting too ("2000+ items"). Nobody pages through more; a bigger cap
	 * only costs time: an executive's unfiltered deal list spent 7 of its 8 ms of SQL
	 * counting 10,000 rows (docs/benchmarks.md).
	 */
	public static final int COUNT_CAP = 2_000;

	/**
	 * @return whether the page's total stopped at the cap: more rows match than it says
	 */
	public static boolean isCapped(Page<?> page) {
		return page.getPageable().isPaged() && !(page.getPageable() instanceof ExactTotal)
				&& page.getTotalElements() >= page.getPageable().getOffset() + page.getSize() + COUNT_CAP;
	}

	/**
	 * @param exact whether the caller asked for the true total, however many rows match
	 * (it costs a count of all of them)
	 * @return the same page, whose total {@link #fetch} counts without the cap when
	 * {@code exact}
	 */
	public static Pageable exactTotal(Pageable pageable, boolean exact) {
		if (!exact || pageable.isUnpaged() || pageable instanceof ExactTotal) {
			return pageable;
		}
		return new ExactTotal(pageable.getPageNumber(), pageable.getPageSize(), pageable.getSort());
	}

	/**
	 * @return how many matching rows to count for the page: {@link #COUNT_CAP} past it,
	 * or all of them when the caller asked for the exact total
	 */
	public static long countLimit(Pageable pageable) {
		return (pageable instanceof ExactTotal) ? Long.MAX_VALUE
				: pageable.getOffset() + pageable.getPageSize() + COUNT_CAP;
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
			.sql(this.select + " where " + where + " order by " + orderBy + " limit :pageLimit offset :pageOffset")
			.params(params)
			.param("pageLimit", pageable.getPageSize())
			.param("pageOffset", pageable.getOffset())
			.query(mapper)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	/**
	 * A page request whose total is counted in full.
	 */
	private static final class ExactTotal extends PageRequest {

		private ExactTotal(int pageNumber, int pageSize, Sort sort) {
			super(pageNumber, pageSize, sort);
		}

	}

}
