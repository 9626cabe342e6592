package dev.bellwether.platform.web;

import dev.bellwether.platform.PagedQuery;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * Page helpers for templates, as {@code @paging}.
 */
@Component("paging")
public class Paging {

	/**
	 * @return whether more rows match than the page's total says (see
	 * {@link PagedQuery#isCapped})
	 */
	public boolean capped(Page<?> page) {
		return PagedQuery.isCapped(page);
	}

}
