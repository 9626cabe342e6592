package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Person;
import dev.bellwether.platform.FiscalPeriod;

/**
 * A team's personal quotas for a fiscal year, by quarter or by month: the manager and
 * everyone below them as rows, the periods as columns.
 *
 * @param manager whose organisation
 * @param team the team quota in effect for each column (see {@link QuotaBook#team})
 */
public record QuotaGrid(Person manager, FiscalPeriod year, FiscalPeriod.Kind by, List<FiscalPeriod> columns,
		List<Row> rows, List<BigDecimal> team, BigDecimal teamYear) {

	/**
	 * @param depth 0 for the manager, 1 for their direct reports, …
	 * @param editable whether the viewer may set this person's quotas
	 * @param notEditableReason why not, for people the viewer may not set
	 * @param year the person's personal quota for the whole year in effect
	 */
	public record Row(Person person, int depth, boolean editable, String notEditableReason, List<Cell> cells,
			BigDecimal year) {
	}

	/**
	 * @param amount the personal quota set for the period, or {@code null}
	 * @param version the version to send back when changing it (0 when none is set)
	 */
	public record Cell(FiscalPeriod period, BigDecimal amount, long version) {

		public String key(UUID userId) {
			return Quotas.cellKey(userId, this.period.code());
		}

	}

}
