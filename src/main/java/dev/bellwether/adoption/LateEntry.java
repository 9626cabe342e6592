package dev.bellwether.adoption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Deals closed (won or lost) in a period and the share entered late: their first recorded
 * forecast category was already COMMIT or CLOSED, or they were created at most a day
 * before closing. Overall, per owner and per manager (the manager's whole organisation,
 * the manager included).
 */
public record LateEntry(LocalDate from, LocalDate to, Figures overall, List<Figures> owners, List<Figures> managers) {

	/**
	 * @param userId the owner or manager; {@code null} overall
	 */
	public record Figures(UUID userId, String fullName, long closedDeals, BigDecimal closedAmount, long lateDeals,
			BigDecimal lateAmount) {

		/**
		 * @return late deals ÷ closed deals, {@code null} with none closed
		 */
		public Double shareByCount() {
			return this.closedDeals == 0 ? null : (double) this.lateDeals / this.closedDeals;
		}

		/**
		 * @return late amount ÷ closed amount, {@code null} when that is zero
		 */
		public Double shareByAmount() {
			return this.closedAmount.signum() == 0 ? null
					: this.lateAmount.doubleValue() / this.closedAmount.doubleValue();
		}

	}

}
