package dev.bellwether.platform;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a list query and the total it is a page of: the same {@code from ... where}
 * for both, the rows ordered and cut to the page.
 *
 * @param select the select list and joins, up to (not including) {@code where}
 * @param countFrom {@code from} clause for counting (no joins needed for the total)
 */
public record PagedQuery(String select, String countFrom) {

	public <T> Page<T> fetch(JdbcClient jdbc, String where, Map<String, Object> params, String orderBy,
			Pageable pageable, RowMapper<T> mapper) {
		long total = jdbc.sql("select count(*) " + this.countFrom + " where " + where)
			.params(params)
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

}
