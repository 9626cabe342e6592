package dev.bellwether.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Satisfaction over a period ({@link ServiceSatisfaction}).
 *
 * @param sent the surveys sent in the period (written on resolution)
 * @param sentAnswered how many of those were answered, by now
 */
public record SatisfactionReport(LocalDate from, LocalDate to, ServiceSatisfaction.Grouping by,
		SatisfactionFigures total, List<SatisfactionRow> rows, List<Month> trend, List<Comment> comments, long sent,
		long sentAnswered) {

	/**
	 * The share of the period's surveys answered, in percent; {@code null} when none was
	 * sent.
	 */
	public BigDecimal responseRate() {
		return this.sent == 0 ? null : BigDecimal.valueOf(this.sentAnswered * 100)
			.divide(BigDecimal.valueOf(this.sent), 1, RoundingMode.HALF_UP);
	}

	public record Month(YearMonth month, SatisfactionFigures figures) {

	}

	public record Comment(UUID caseId, String caseReference, UUID agentId, String agentName, int csat, Integer nps,
			String text, Instant answeredAt) {

		Comment withAgentName(String name) {
			return new Comment(this.caseId, this.caseReference, this.agentId, name, this.csat, this.nps, this.text,
					this.answeredAt);
		}

	}

}
