package dev.bellwether.platform;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A page of a list as the caller asked for it: by page number, or after a row (a
 * {@link Keyset} read from a {@code cursor}), and whether the total must be exact. As the
 * pageable of a fetched page, it also carries where the next page starts.
 */
public final class ListRequest extends PageRequest {

	private final boolean exactTotal;

	private final Keyset after;

	private final Keyset next;

	private final ListCursors cursors;

	private ListRequest(int page, int size, Sort sort, boolean exactTotal, Keyset after, Keyset next,
			ListCursors cursors) {
		super(page, size, sort);
		this.exactTotal = exactTotal;
		this.after = after;
		this.next = next;
		this.cursors = cursors;
	}

	/**
	 * @param cursors what turns the next page's position into a {@code cursor}, or
	 * {@code null} where no cursor is given out
	 */
	static ListRequest of(Pageable pageable, boolean exactTotal, Keyset after, ListCursors cursors) {
		int size = pageable.getPageSize();
		int page = (after != null) ? (int) Math.min(Integer.MAX_VALUE, after.offset() / size)
				: pageable.getPageNumber();
		return new ListRequest(page, size, pageable.getSort(), exactTotal, after, null, cursors);
	}

	/**
	 * @return the pageable as a list request: itself when it is one, else a request by
	 * page number with a capped total
	 */
	public static ListRequest from(Pageable pageable) {
		return (pageable instanceof ListRequest request) ? request : of(pageable, false, null, null);
	}

	ListRequest withExactTotal() {
		return new ListRequest(getPageNumber(), getPageSize(), getSort(), true, this.after, this.next, this.cursors);
	}

	ListRequest fetched(Keyset next) {
		return new ListRequest(getPageNumber(), getPageSize(), getSort(), this.exactTotal, this.after, next,
				this.cursors);
	}

	/**
	 * The rows before the page: counted from the start for a page number, as the cursor
	 * says for a page after a row.
	 */
	@Override
	public long getOffset() {
		return (this.after != null) ? this.after.offset() : super.getOffset();
	}

	public boolean exactTotal() {
		return this.exactTotal;
	}

	/**
	 * @return the row the page starts after, or {@code null} for a page by number
	 */
	public Keyset after() {
		return this.after;
	}

	/**
	 * @return where the page after this one starts, or {@code null} on the last page (and
	 * before the page is fetched)
	 */
	public Keyset nextKeyset() {
		return this.next;
	}

	/**
	 * @return the opaque {@code cursor} of the next page, or {@code null} when there is
	 * none
	 */
	public String nextCursor() {
		return (this.next == null || this.cursors == null) ? null : this.cursors.encode(this.next);
	}

	@Override
	public boolean equals(Object obj) {
		return super.equals(obj);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
