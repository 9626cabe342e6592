package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pipeline board: one column per active stage, in pipeline order, each with its totals
 * and its first cards (soonest close date first).
 *
 * @param filter what the board shows
 * @param columns the stages' columns
 * @param currency the company currency the amounts are in
 */
public record Board(BoardFilter filter, List<Column> columns, String currency) {

	public Board {
		columns = List.copyOf(columns);
	}

	public long count() {
		return this.columns.stream().mapToLong(Column::count).sum();
	}

	/**
	 * The open pipeline's amount: what is not yet won or lost.
	 */
	public BigDecimal openAmount() {
		return this.columns.stream()
			.filter(column -> column.stage().isOpen())
			.map(Column::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * @param stage the column's stage
	 * @param count how many deals are in it (more than {@code cards} may show)
	 * @param amount their total amount
	 * @param weightedAmount their total amount weighted by each deal's probability
	 * @param cards the first deals, soonest close date first
	 */
	public record Column(PipelineStage stage, long count, BigDecimal amount, BigDecimal weightedAmount,
			List<Card> cards) {

		public Column {
			cards = List.copyOf(cards);
		}

		public long hidden() {
			return this.count - this.cards.size();
		}

	}

	/**
	 * A deal on the board, with what it takes to move it.
	 *
	 * @param editable whether the viewer may move it
	 * @param version the deal's version, sent back with a move so a concurrent change is
	 * noticed
	 */
	public record Card(UUID id, String name, UUID accountId, String accountName, UUID ownerId, String ownerName,
			BigDecimal amount, LocalDate closeDate, int probability, ForecastCategory forecastCategory, boolean stale,
			boolean overdue, boolean editable, long version) {
	}

}
