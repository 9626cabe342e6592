package dev.bellwether.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import dev.bellwether.platform.ListRequest;
import dev.bellwether.platform.PagedQuery;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

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

	/**
	 * @return the page's total as people read it: "2,050", or "more than 2,050" when the
	 * count stopped at the cap
	 */
	public String total(Page<?> page) {
		String total = String.format(Locale.ENGLISH, "%,d", page.getTotalElements());
		return capped(page) ? "more than " + total : total;
	}

	/**
	 * How many pages the pager offers by number; past them, "Next" goes by cursor.
	 */
	public static final int NUMBERED_PAGES = 5;

	/**
	 * @return the numbers (from 0) of the pages the pager links by number
	 */
	public List<Integer> numbers(Page<?> page) {
		int last = (int) Math.min(page.getTotalPages(), NUMBERED_PAGES);
		return IntStream.range(0, last).boxed().toList();
	}

	/**
	 * @return whether the page is past those the pager links by number
	 */
	public boolean beyondNumbers(Page<?> page) {
		return page.getNumber() >= NUMBERED_PAGES;
	}

	/**
	 * @return the next page's cursor, or {@code null} on the last page (and for lists
	 * that give out none)
	 */
	public String nextCursor(Page<?> page) {
		return (page.getPageable() instanceof ListRequest request) ? request.nextCursor() : null;
	}

	/**
	 * @return whether "Next" goes by cursor: beyond the numbered pages, where counting
	 * rows from the start would get slower page by page
	 */
	public boolean nextByCursor(Page<?> page) {
		return page.getNumber() + 1 >= NUMBERED_PAGES && nextCursor(page) != null;
	}

	/**
	 * @return the list's link to a page by number (without any cursor)
	 */
	public String pageUrl(UriComponentsBuilder baseUrl, int number) {
		return baseUrl.cloneBuilder().replaceQueryParam("cursor").replaceQueryParam("page", number).toUriString();
	}

	/**
	 * @return the list's link to the page after this one: by cursor beyond the numbered
	 * pages, by number before
	 */
	public String nextUrl(UriComponentsBuilder baseUrl, Page<?> page) {
		if (!nextByCursor(page)) {
			return pageUrl(baseUrl, page.getNumber() + 1);
		}
		return baseUrl.cloneBuilder()
			.replaceQueryParam("page")
			.replaceQueryParam("cursor", nextCursor(page))
			.toUriString();
	}

	/**
	 * @return the number (from 1) of the first row of the page
	 */
	public long firstRow(Page<?> page) {
		return page.getPageable().isPaged() ? page.getPageable().getOffset() + 1 : 1;
	}

}
