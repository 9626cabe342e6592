package dev.bellwether.platform.web;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import dev.bellwether.platform.ListRequest;
import dev.bellwether.platform.PagedQuery;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.domain.Page;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of an API list: Spring Data's page JSON ({@code content} and {@code page} with
 * size, number, totalElements and totalPages) plus whether the total stopped at the count
 * cap, so that a client never takes "at least 2,025" for "2,025".
 *
 * @param content the records of the page
 * @param page where the page is in the list and how many records match
 */
public record ListPage<T>(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<T> content,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Metadata page) {

	/**
	 * What the {@code exactTotal} parameter of every API list means, for its OpenAPI
	 * text.
	 */
	public static final String EXACT_TOTAL = "Count every matching record for page.totalElements. Without it, the "
			+ "count stops at 2,000 records past the page (500 past a page reached by cursor) and "
			+ "page.totalCapped says so; with it, the total is exact " + "(slower on long lists).";

	/**
	 * What the {@code cursor} parameter of the API lists that page by keyset means, for
	 * its OpenAPI text.
	 */
	public static final String CURSOR = "Where the page starts: page.nextCursor of the page before (or follow its "
			+ "page.next link). Pages after a cursor are as fast however deep they are, and rows added or removed "
			+ "meanwhile shift nothing; page numbers (page=) count rows from the start and suit the first pages. A "
			+ "cursor lasts 24 hours and only with the same filter and sort; otherwise 400, naming the cursor.";

	public static <T> ListPage<T> of(Page<T> page) {
		String nextCursor = (page.getPageable() instanceof ListRequest request) ? request.nextCursor() : null;
		return new ListPage<>(page.getContent(),
				new Metadata(page.getSize(), page.getNumber(), page.getTotalElements(), page.getTotalPages(),
						PagedQuery.isCapped(page), (nextCursor == null) ? null : nextLink(nextCursor), nextCursor));
	}

	/**
	 * The current request with {@code cursor} in place of any page number.
	 */
	private static String nextLink(String cursor) {
		URI uri = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page")
			.replaceQueryParam("cursor", cursor)
			.build()
			.toUri();
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}

	public static <S, T> ListPage<T> of(Page<S> page, Function<? super S, ? extends T> resource) {
		return of(page.map(resource));
	}

	/**
	 * @param totalCapped whether more records match than {@code totalElements} says:
	 * lists count exactly up to 2,000 records past the page (500 after a cursor); ask
	 * with {@code exactTotal=true} for the true number
	 * @param next the next page's link, by cursor; {@code null} on the last page (and in
	 * lists that give out no cursor)
	 * @param nextCursor the next page's cursor
	 */
	@Schema(name = "PageMetadata",
			requiredProperties = { "size", "number", "totalElements", "totalPages", "totalCapped" })
	public record Metadata(@Schema(description = "Records per page", example = "25") long size,
			@Schema(description = "The page's number, from 0", example = "0") long number,
			@Schema(description = "How many records match; when totalCapped, at least this many",
					example = "137") long totalElements,
			@Schema(description = "How many pages there are; when totalCapped, at least this many",
					example = "6") long totalPages,
			@Schema(description = "True when the count stopped at 2,000 records past the page (500 past a page "
					+ "reached by cursor): more records "
					+ "match than totalElements says. Ask again with exactTotal=true for the exact number.",
					example = "false") boolean totalCapped,
			@Schema(description = "The next page, by cursor (this request with cursor=nextCursor); absent on the "
					+ "last page", example = "/api/v1/opportunities?sort=closeDate,desc&cursor=MXwxNzgy.c2ln",
					nullable = true) String next,
			@Schema(description = "The cursor of the next page, for the cursor parameter; absent on the last page. "
					+ "Opaque and signed, valid for 24 hours with the same filter and sort.", nullable = true,
					example = "MXwxNzgy.c2ln") String nextCursor) {

		public Metadata(long size, long number, long totalElements, long totalPages, boolean totalCapped) {
			this(size, number, totalElements, totalPages, totalCapped, null, null);
		}

	}

}
