package dev.bellwether.platform;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Reading a whole list page after page in keyset order (an export): the first page, the
 * page after a fetched one (after its last row, through an index however deep), and a
 * request that counts every match. No cursor is given out: the reader keeps the keyset
 * itself.
 */
public final class ListPages {

	private ListPages() {
	}

	/**
	 * @return the first page of {@code size} rows in the list's order
	 */
	public static ListRequest first(Sort sort, int size) {
		return ListRequest.of(PageRequest.of(0, size, sort), false, null, null);
	}

	/**
	 * @return a one-row request whose total counts every matching row
	 */
	public static ListRequest counting(Sort sort) {
		return ListRequest.of(PageRequest.of(0, 1, sort), true, null, null);
	}

	/**
	 * @return the page after {@code page}, or {@code null} when it was the last
	 */
	public static ListRequest after(Page<?> page) {
		ListRequest fetched = ListRequest.from(page.getPageable());
		if (fetched.nextKeyset() != null) {
			return ListRequest.of(PageRequest.of(0, fetched.getPageSize(), fetched.getSort()), false,
					fetched.nextKeyset(), null);
		}
		// a list read by offset only (no keyset): the next page by number
		return page.hasNext() && page.getNumberOfElements() == fetched.getPageSize() ? ListRequest
			.of(PageRequest.of(page.getNumber() + 1, fetched.getPageSize(), fetched.getSort()), false, null, null)
				: null;
	}

}
