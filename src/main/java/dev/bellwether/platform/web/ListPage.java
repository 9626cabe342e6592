package dev.bellwether.platform.web;

import java.util.List;
import java.util.function.Function;

import dev.bellwether.platform.PagedQuery;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.domain.Page;

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
			+ "count stops at 2,000 records past the page and page.totalCapped says so; with it, the total is exact "
			+ "(slower on long lists).";

	public static <T> ListPage<T> of(Page<T> page) {
		return new ListPage<>(page.getContent(), new Metadata(page.getSize(), page.getNumber(), page.getTotalElements(),
				page.getTotalPages(), PagedQuery.isCapped(page)));
	}

	public static <S, T> ListPage<T> of(Page<S> page, Function<? super S, ? extends T> resource) {
		return of(page.map(resource));
	}

	/**
	 * @param totalCapped whether more records match than {@code totalElements} says:
	 * lists count exactly up to 2,000 records past the page; ask with
	 * {@code exactTotal=true} for the true number
	 */
	@Schema(name = "PageMetadata",
			requiredProperties = { "size", "number", "totalElements", "totalPages", "totalCapped" })
	public record Metadata(@Schema(description = "Records per page", example = "25") long size,
			@Schema(description = "The page's number, from 0", example = "0") long number,
			@Schema(description = "How many records match; when totalCapped, at least this many",
					example = "137") long totalElements,
			@Schema(description = "How many pages there are; when totalCapped, at least this many",
					example = "6") long totalPages,
			@Schema(description = "True when the count stopped at 2,000 records past the page: more records "
					+ "match than totalElements says. Ask again with exactTotal=true for the exact number.",
					example = "false") boolean totalCapped) {
	}

}
