package dev.bellwether.sales;

import java.util.UUID;

/**
 * What a pipeline board shows; every criterion optional.
 *
 * @param ownerId only this owner's deals
 * @param teamOf only the deals of this manager and everyone below them
 * @param period the close dates shown ({@link ClosePeriod#ALL} when null)
 */
public record BoardFilter(UUID ownerId, UUID teamOf, ClosePeriod period) {

	public BoardFilter {
		period = period == null ? ClosePeriod.ALL : period;
	}

	public static BoardFilter all() {
		return new BoardFilter(null, null, ClosePeriod.ALL);
	}

}
